package pvspec.guests.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.Recording;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * Runs vCPU programs over a machine and records every request in the trace format.
 *
 * <p><b>Deterministic mode</b> (seeded round robin): each vCPU runs on its own thread, but only
 * the holder of a baton runs; at each request the holder either keeps the baton (its quantum, a
 * seeded random number of further requests, is not used up) or passes it to the next vCPU in
 * spawn order. Since every other vCPU is then stopped at a request (or not yet started), the
 * choice depends only on the seed and the programs: the same seed gives the same trace. Guest
 * code is thus ordinary sequential code, yet interleaved at every hypercall boundary.
 *
 * <p><b>Threads mode</b>: one free-running thread per vCPU, for machines with real concurrency
 * (the hypervisor). The machine must be thread-safe; the recording serializes the requests it
 * records, so the trace is the order the machine saw them in.
 *
 * <p>A program that throws stops the run: the others are stopped at their next request and
 * {@link #run} throws a {@link RunFailure} with the trace so far. A step budget turns a livelock
 * (programs waiting for each other forever) into such a failure.
 */
public final class Runner {
    public enum Mode { DETERMINISTIC, THREADS }

    private final Hypercalls machine;
    private final Mode mode;
    private final long seed;
    private int maxQuantum = 4;
    private long maxSteps = 10_000_000;

    private Runner(Hypercalls machine, Mode mode, long seed) {
        this.machine = machine;
        this.mode = mode;
        this.seed = seed;
    }

    public static Runner deterministic(Hypercalls machine, long seed) {
        return new Runner(machine, Mode.DETERMINISTIC, seed);
    }

    public static Runner threads(Hypercalls machine) {
        return new Runner(machine, Mode.THREADS, 0);
    }

    /** At most this many consecutive requests per turn in deterministic mode (1: switch at every request). */
    public Runner maxQuantum(int q) {
        if (q < 1) throw new IllegalArgumentException("quantum must be at least 1");
        this.maxQuantum = q;
        return this;
    }

    /** Fail the run after this many requests. */
    public Runner maxSteps(long n) {
        this.maxSteps = n;
        return this;
    }

    /** Run {@code program} as {@code first}, and whatever it spawns, to completion. */
    public RunReport run(Caller first, VcpuProgram program) {
        return new Run().execute(first, program);
    }

    private enum Status { NEW, RUNNING, WAITING, DONE }

    /** Unwinds a program that the runner stops. */
    private static final class Stopped extends Error {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /** One run: its tasks, baton and recording. */
    private final class Run {
        private final Object lock = new Object();
        private final Recording recording = new Recording(machine);
        private final XenStore store = new XenStore();
        private final List<Task> tasks = new ArrayList<>();
        private final Random random = new Random(seed);
        private Task current;
        private int quantum;
        private long steps;
        private Throwable failure;

        RunReport execute(Caller first, VcpuProgram program) {
            synchronized (lock) {
                spawnLocked(first, program);
                if (mode == Mode.DETERMINISTIC) passBaton(-1);
                while (!allDone()) waitLocked();
            }
            for (Task t : snapshot()) t.join();
            if (failure != null) throw new RunFailure(failure, recording.trace());
            return new RunReport(recording.trace(), recording.results(), store);
        }

        private List<Task> snapshot() {
            synchronized (lock) {
                return new ArrayList<>(tasks);
            }
        }

        private void spawnLocked(Caller caller, VcpuProgram program) {
            Task t = new Task(caller, program);
            tasks.add(t);
            if (mode == Mode.THREADS) t.start();
        }

        private boolean allDone() {
            for (Task t : tasks) if (t.status != Status.DONE) return false;
            return true;
        }

        /**
         * Give the baton to the next task after position {@code from} (in spawn order, cyclic)
         * that has not finished, with a fresh seeded quantum; start it if it is new.
         */
        private void passBaton(int from) {
            int n = tasks.size();
            current = null;
            for (int k = 1; k <= n; k++) {
                Task t = tasks.get(Math.floorMod(from + k, n));
                if (t.status == Status.DONE) continue;
                current = t;
                quantum = random.nextInt(maxQuantum);
                if (t.status == Status.NEW) t.start();
                break;
            }
            lock.notifyAll();
        }

        /** Called by task {@code t} before each of its requests. */
        private void gate(Task t) {
            synchronized (lock) {
                if (failure != null) throw new Stopped();
                if (++steps > maxSteps) {
                    fail(new IllegalStateException("step budget of " + maxSteps + " requests exhausted (programs waiting for each other?)"));
                    throw new Stopped();
                }
                if (mode == Mode.THREADS) return;
                if (quantum > 0) {
                    quantum--;
                    return;
                }
                t.status = Status.WAITING;
                passBaton(tasks.indexOf(t));
                awaitBaton(t);
            }
        }

        private void awaitBaton(Task t) {
            while (current != t && failure == null) waitLocked();
            if (failure != null) throw new Stopped();
            t.status = Status.RUNNING;
        }

        private void fail(Throwable e) {
            if (failure == null) failure = e;
            for (Task t : tasks) if (t.status == Status.NEW) t.status = Status.DONE;
            lock.notifyAll();
        }

        private void waitLocked() {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }

        /** One vCPU program and its thread. */
        private final class Task implements VcpuContext {
            private final Caller caller;
            private final VcpuProgram program;
            private final HypercallPage page;
            private Thread thread;
            private Status status = Status.NEW;

            Task(Caller caller, VcpuProgram program) {
                this.caller = caller;
                this.program = program;
                this.page = new HypercallPage(new Gated(this), caller);
            }

            void start() {
                status = Status.RUNNING;
                thread = new Thread(this::body, "vcpu-" + caller.domain() + "." + caller.vcpu());
                thread.setDaemon(true);
                thread.start();
            }

            void join() {
                if (thread == null) return;
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            private void body() {
                synchronized (lock) {
                    if (mode == Mode.DETERMINISTIC) {
                        while (current != this && failure == null) waitLocked();
                    }
                }
                try {
                    if (failure == null) program.run(this);
                } catch (Stopped s) {
                    // the run is being stopped; nothing to report
                } catch (Throwable e) {
                    synchronized (lock) {
                        fail(e);
                    }
                }
                synchronized (lock) {
                    status = Status.DONE;
                    if (mode == Mode.DETERMINISTIC && current == this && failure == null) passBaton(tasks.indexOf(this));
                    lock.notifyAll();
                }
            }

            @Override public Caller caller() { return caller; }
            @Override public HypercallPage hypercalls() { return page; }
            @Override public XenStore store() { return store; }

            @Override
            public void spawn(Caller c, VcpuProgram p) {
                synchronized (lock) {
                    spawnLocked(c, p);
                }
            }
        }

        /** The machine as one task sees it: each request waits for the task's turn, then is recorded. */
        private final class Gated implements Hypercalls {
            private final Task task;

            Gated(Task task) {
                this.task = task;
            }

            @Override public Config config() { return recording.config(); }
            @Override public State abstractState() { return recording.abstractState(); }

            @Override
            public Reply call(Caller caller, Hypercall call) {
                gate(task);
                return recording.call(caller, call);
            }
        }
    }
}
