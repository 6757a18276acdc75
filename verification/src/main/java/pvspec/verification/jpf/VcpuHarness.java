package pvspec.verification.jpf;

import java.util.List;
import pvspec.hypervisor.Checks;
import pvspec.hypervisor.Hypervisor;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/**
 * Harness 1: concurrent vCPUs on the hypervisor. A scenario's setup runs on one thread; then one
 * thread per vCPU issues the requests the choice vector picks from its menu, all at once. When
 * every thread has finished, the outcome (each thread's results and the final abstract state)
 * must be one that some sequential order of the same requests produces on the model (the
 * {@link Oracle}: linearizability), and the model's invariants must hold on it.
 *
 * <p>Under Java PathFinder the threads run truly concurrently and JPF explores their
 * interleavings (and, with its listeners, looks for data races and deadlocks). On the JVM
 * ({@code interleave == false}) each thread runs to completion before the next starts.
 *
 * <p>Code reached from here runs inside JPF: no record {@code equals}/{@code hashCode}/
 * {@code toString}, no {@code String.join} and the like (see the package documentation).
 */
public final class VcpuHarness {
    private VcpuHarness() {}

    /** Global vector numbers: scenario {@code i}'s vectors start at {@code offsets[i]}. */
    public static int[] offsets(List<Scenario> scenarios) {
        int[] o = new int[scenarios.size() + 1];
        for (int i = 0; i < scenarios.size(); i++) o[i + 1] = o[i] + scenarios.get(i).vectors();
        return o;
    }

    /**
     * One run: choose a scenario (when there are several) and a vector, run it, check it, and
     * report the vector complete. Throws {@link AssertionError} on any failed check.
     */
    public static void run(Choices choices, Oracle oracle, Checks checks, List<Scenario> scenarios, boolean interleave) {
        int[] offsets = offsets(scenarios);
        int si = scenarios.size() == 1 ? 0 : choices.choose(scenarios.size());
        Scenario sc = scenarios.get(si);
        if (!oracle.knows(sc.name)) throw new AssertionError("the oracle has no scenario " + sc.name);

        // The setup runs on its own thread, which has ended before the vCPU threads start: JPF
        // counts an object as shared only while two live threads have used it, so the per-vCPU
        // scratch the setup touched stays private to the vCPU thread that uses it next.
        Setup setup = new Setup(sc, checks);
        join(start(new Thread(setup, "setup")));
        if (setup.failure != null) throw new AssertionError("scenario " + sc.name + ": the setup threw " + setup.failure, setup.failure);
        if (!oracle.setupMatches(sc.name, Oracle.fingerprint(setup.text))) {
            throw new AssertionError("scenario " + sc.name + ": the hypervisor's setup differs from the model's:\n  " + setup.text);
        }
        Hypervisor hv = setup.hv;

        int[][] picks = new int[sc.threads()][];
        for (int t = 0; t < picks.length; t++) {
            picks[t] = new int[sc.calls[t]];
            for (int k = 0; k < sc.calls[t]; k++) picks[t][k] = choices.choose(sc.menus[t].length);
        }
        int vector = sc.vector(picks);

        Vcpu[] vcpus = new Vcpu[sc.threads()];
        for (int t = 0; t < vcpus.length; t++) vcpus[t] = new Vcpu(hv, sc.program(picks, t));
        runThreads(vcpus, interleave);

        Result[][] results = new Result[vcpus.length][];
        for (int t = 0; t < vcpus.length; t++) {
            if (vcpus[t].failure != null) {
                throw new AssertionError("scenario " + sc.name + " vector " + vector + ": thread " + t + " threw " + vcpus[t].failure + sc.describe(picks), vcpus[t].failure);
            }
            results[t] = vcpus[t].results;
        }
        State end = hv.abstractState();
        String observed = Oracle.outcome(results, StateDigest.of(end));
        String broken = InvariantCheck.firstViolation(end);
        if (broken != null) {
            throw new AssertionError("scenario " + sc.name + " vector " + vector + ": " + broken + sc.describe(picks) + "\n  outcome: " + observed);
        }
        if (!oracle.allows(sc.name, vector, Oracle.fingerprint(observed))) {
            throw new AssertionError("scenario " + sc.name + " vector " + vector + ": " + Verdict.NOT_LINEARIZABLE_TEXT + ": not one of the "
                    + oracle.allowedCount(sc.name, vector) + " outcomes of the sequential orders on the model" + sc.describe(picks) + "\n  outcome: " + observed);
        }
        choices.completed(offsets[si] + vector);
    }

    private static void runThreads(Vcpu[] vcpus, boolean interleave) {
        Thread[] threads = new Thread[vcpus.length];
        for (int t = 0; t < vcpus.length; t++) threads[t] = new Thread(vcpus[t], "vcpu-" + t);
        if (interleave) {
            for (Thread t : threads) t.start();
            for (Thread t : threads) join(t);
        } else {
            for (Thread t : threads) {
                t.start();
                join(t);
            }
        }
    }

    private static Thread start(Thread t) {
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while joining " + t.getName(), e);
        }
    }

    /** The scenario's setup: boot, plain hypercalls, then the canonical text of results and state. */
    static final class Setup implements Runnable {
        private final Scenario sc;
        private final Checks checks;
        Hypervisor hv;
        String text;
        Throwable failure;

        Setup(Scenario sc, Checks checks) {
            this.sc = sc;
            this.checks = checks;
        }

        @Override
        public void run() {
            try {
                warmUp();
                hv = Hypervisor.boot(sc.config, checks);
                Result[] results = new Result[sc.setup.size()];
                for (int i = 0; i < results.length; i++) results[i] = hv.hypercall(sc.setup.get(i).caller, sc.setup.get(i).request);
                text = Oracle.setup(results, StateDigest.of(hv.abstractState()));
            } catch (Throwable e) {
                failure = e;
            }
        }

        /**
         * Initialises, before any interleaving, the classes the vCPU threads will use: the JDK's
         * lock internals, and the hypervisor's on every path the menus reach (each menu request
         * once, on a scratch machine). A class initialised inside an interleaving costs JPF a
         * lock choice and makes otherwise equal states differ.
         */
        private void warmUp() throws ClassNotFoundException {
            Class.forName("java.util.concurrent.locks.LockSupport");
            Class.forName("java.util.concurrent.locks.AbstractQueuedSynchronizer$Node");
            Class.forName("java.util.concurrent.locks.AbstractQueuedSynchronizer$ExclusiveNode");
            Hypervisor scratch = Hypervisor.boot(sc.config, checks);
            for (Call c : sc.setup) scratch.hypercall(c.caller, c.request);
            for (Call[] menu : sc.menus) for (Call c : menu) scratch.hypercall(c.caller, c.request);
            InvariantCheck.firstViolation(scratch.abstractState()); // and the final check's classes
        }
    }

    /** One vCPU thread: issues its requests in order, keeps the results (and anything thrown). */
    static final class Vcpu implements Runnable {
        private final Hypervisor hv;
        private final Call[] program;
        final Result[] results;
        Throwable failure;

        Vcpu(Hypervisor hv, Call[] program) {
            this.hv = hv;
            this.program = program;
            this.results = new Result[program.length];
        }

        @Override
        public void run() {
            try {
                for (int k = 0; k < program.length; k++) results[k] = hv.hypercall(program[k].caller, program[k].request);
            } catch (Throwable e) {
                failure = e;
            }
        }
    }
}
