package pvspec.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.state.StateDiff;

/**
 * Several vCPU threads of several domains issue seeded random valid and invalid requests at the
 * same time (bounded iterations, no sleeps). Afterwards every invariant holds on the abstract
 * state (INV-6: counts exact), the hypervisor's own bookkeeping agrees, and no call threw.
 */
class ConcurrencySmokeTest {
    static final Config CONFIG = Config.withDefaults(2, 8, 96, 5, 2, 8, 4);

    /** Guests 1..4, each with an address space; with {@code linked}, d1 and d2 share a grant and a channel. */
    private static Hypervisor setUp(Hypervisor hv, boolean linked) {
        long first = Prelude.guest(CONFIG, hv::hypercall, 1);
        for (int g = 2; g <= 4; g++) Prelude.guest(CONFIG, hv::hypercall, g);
        if (linked) Prelude.link(CONFIG, hv::hypercall, first);
        return hv;
    }

    @Test
    void independentDomainsEndExactlyAsInASequentialRun() throws Exception {
        for (int i = 0; i < 4; i++) independentDomains(31_000L + 100L * i);
    }

    private static void independentDomains(long seedBase) throws Exception {
        Hypervisor hv = setUp(Hypervisor.boot(CONFIG), false);
        State start = hv.abstractState();
        int[] guests = {1, 2, 3, 4};
        List<List<RandomCalls.Call>> scripts = new ArrayList<>();
        List<List<Result>> expected = new ArrayList<>();
        State model = start;
        for (int g : guests) {
            // Each domain's script is generated and run on the model on its own: its requests touch only itself.
            long seed = seedBase + g;
            RandomCalls gen = new RandomCalls(seed, CONFIG);
            List<RandomCalls.Call> script = new ArrayList<>();
            List<Result> results = new ArrayList<>();
            while (script.size() < 1500) {
                RandomCalls.Call c = gen.next(model);
                Caller caller = new Caller(g, 0, c.caller.mode());
                if (!local(g, c.call)) continue;
                RandomCalls.Call call = new RandomCalls.Call(caller, c.call);
                var o = Step.step(model, caller, c.call);
                // A fault with no handler crashes the domain (entry.S:629-634): it would end the script's real work.
                if (!o.state().dom(g).running()) continue;
                script.add(call);
                results.add(o.result());
                model = o.state();
            }
            scripts.add(script);
            expected.add(results);
        }
        List<List<Result>> actual = runConcurrently(hv, scripts);
        for (int i = 0; i < guests.length; i++) {
            assertThat(actual.get(i)).as("results of d%d, seed %d", guests[i], seedBase + guests[i]).isEqualTo(expected.get(i));
            long ok = 0;
            for (Result r : actual.get(i)) if (r.succeeded()) ok++;
            assertThat(ok).as("d%d did real work, seed %d", guests[i], seedBase + guests[i]).isGreaterThan(100);
        }
        assertThat(StateDiff.between(model, hv.abstractState())).as("seeds %d+", seedBase).isEmpty();
        assertThat(Consistency.check(hv)).isEmpty();
    }

    /** Requests whose effect involves no other domain and no allocation order. */
    private static boolean local(int me, Hypercall h) {
        if (h instanceof MmuUpdate) return ((MmuUpdate) h).foreigndom() == DomId.DOMID_SELF;
        if (h instanceof MemoryOp.DecreaseReservation) return ((MemoryOp.DecreaseReservation) h).dom() == DomId.DOMID_SELF;
        if (h instanceof MemoryOp || h instanceof Domctl) return false;
        if (h instanceof SchedOp.Shutdown || h instanceof SchedOp.Block) return false; // keep every vCPU running
        if (h instanceof EventChannelOp.AllocUnbound) {
            EventChannelOp.AllocUnbound a = (EventChannelOp.AllocUnbound) h;
            return a.dom() == DomId.DOMID_SELF && (a.remoteDom() == DomId.DOMID_SELF || a.remoteDom() == me);
        }
        if (h instanceof EventChannelOp.BindInterdomain) return false;
        if (h instanceof EventChannelOp.Status) return ((EventChannelOp.Status) h).dom() == DomId.DOMID_SELF;
        if (h instanceof EventChannelOp.Send || h instanceof EventChannelOp.Close) return true; // no interdomain links exist
        if (h instanceof GrantTableOp.MapGrantRef) return ((GrantTableOp.MapGrantRef) h).dom() == me;
        if (h instanceof GrantTableOp.UnmapGrantRef) return true;
        return true;
    }

    @Test
    void freeForAllKeepsEveryInvariantAndExactCounts() throws Exception {
        freeForAll(42_000L);
    }

    /** More seeds ({@code -Dstress=N} for a longer run; 400 have been run clean). */
    @Test
    void freeForAllOverManySeeds() throws Exception {
        for (int i = 1; i <= Integer.getInteger("stress", 12); i++) freeForAll(1_000_000L * i);
    }

    private static void freeForAll(long seedBase) throws Exception {
        Hypervisor hv = setUp(Hypervisor.boot(CONFIG), true);
        List<Caller> callers = List.of(Caller.kernel(0), Caller.kernel(0, 1), Caller.kernel(1), Caller.kernel(1, 1),
                Caller.kernel(2), Caller.kernel(3), Caller.kernel(4, 1));
        CyclicBarrier go = new CyclicBarrier(callers.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        int[] done = new int[callers.size()];
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < callers.size(); i++) {
            final int n = i;
            final long seed = seedBase + i;
            Thread t = new Thread(() -> {
                try {
                    RandomCalls gen = new RandomCalls(seed, CONFIG);
                    State guide = hv.abstractState();
                    go.await();
                    for (int k = 0; k < 2500; k++) {
                        if (k % 100 == 99) guide = hv.abstractState(); // stale guidance is fine: requests may be invalid
                        RandomCalls.Call c = gen.next(guide);
                        Caller me = k % 3 == 0 ? c.caller : callers.get(n);
                        Hypercall h = tame(c.call, k, n);
                        Result r = hv.hypercall(me, h);
                        if (r == null) throw new AssertionError("null result");
                        String leak = heldLocks(hv);
                        if (!leak.isEmpty()) throw new AssertionError("still holds " + leak + " after " + me + " " + h + " -> " + r);
                        done[n]++;
                        if (r.succeeded()) ok.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, new AssertionError("thread " + n + " seed " + seed + ": " + e, e));
                }
            });
            threads.add(t);
            t.setDaemon(true); // a stuck thread must not keep the test JVM alive
            t.start();
        }
        joinAll(threads, failure);
        for (int d : done) assertThat(d).isEqualTo(2500);
        assertThat(ok.get()).as("successful requests").isGreaterThan(callers.size() * 2500 / 10);
        State end = hv.abstractState();
        List<Violation> v = Invariants.check(end);
        assertThat(v).as("invariants after the concurrent run, seeds %d+", seedBase).isEmpty();
        assertThat(Consistency.check(hv)).isEmpty();
        assertThat(Hypervisor.fromModel(end).abstractState()).isEqualTo(end);
    }

    /** Bounded join: a failed or stuck vCPU thread fails the test (with the first failure) instead of hanging it. */
    private static void joinAll(List<Thread> threads, AtomicReference<Throwable> failure) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (Thread t : threads) {
            while (t.isAlive() && failure.get() == null && System.nanoTime() < deadline) t.join(50);
        }
        if (failure.get() != null) throw new AssertionError(failure.get().getMessage(), failure.get());
        for (Thread t : threads) {
            if (t.isAlive()) throw new AssertionError(t.getName() + " is stuck (deadlock or leaked lock):\n" + threadDump());
        }
    }

    /**
     * Requests that stop vCPUs for good (shutdown, block, pause, destroy) stay rare, and dom0's
     * threads unpause regularly, so that the run keeps doing work on every domain.
     */
    private static Hypercall tame(Hypercall h, int k, int thread) {
        // Clearing the trap table is disruptive too: the next fault then crashes the domain.
        boolean disruptive = h instanceof SchedOp.Shutdown || h instanceof SchedOp.Block
                || h instanceof Domctl.PauseDomain || h instanceof Domctl.DestroyDomain
                || h instanceof SetTrapTable && ((SetTrapTable) h).traps().isEmpty();
        if (disruptive && k % 50 != 0) return new SchedOp.Yield();
        if (thread < 2 && k % 10 == 5) return new Domctl.UnpauseDomain(1 + k % 4);
        if (thread < 2 && k % 400 == 7) return new Domctl.CreateDomain(12, CONFIG.vcpus());
        return h;
    }

    /** The hypervisor locks the calling thread holds (none, between hypercalls). */
    static String heldLocks(Hypervisor hv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hv.nslots; i++) if (hv.slotLocks[i].isHeldByCurrentThread()) b.append(" slot").append(i).append('x').append(hv.slotLocks[i].getHoldCount());
        if (hv.domlist.isHeldByCurrentThread()) b.append(" domlist");
        if (hv.heap.lock.isHeldByCurrentThread()) b.append(" heap");
        return b.toString();
    }

    private static String threadDump() {
        StringBuilder b = new StringBuilder();
        for (java.lang.management.ThreadInfo i : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            if (!i.getThreadName().startsWith("Thread-")) continue;
            b.append(i.getThreadName()).append(' ').append(i.getThreadState()).append(" waiting for ").append(i.getLockName())
                    .append(" owned by ").append(i.getLockOwnerName()).append("; holds");
            for (java.lang.management.LockInfo l : i.getLockedSynchronizers()) b.append(' ').append(l);
            b.append('\n');
            for (StackTraceElement e : i.getStackTrace()) if (e.getClassName().startsWith("pvspec")) b.append("    ").append(e).append('\n');
        }
        return b.toString();
    }

    private static List<List<Result>> runConcurrently(Hypervisor hv, List<List<RandomCalls.Call>> scripts) throws Exception {
        CyclicBarrier go = new CyclicBarrier(scripts.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<List<Result>> out = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (List<RandomCalls.Call> script : scripts) {
            List<Result> results = new ArrayList<>();
            out.add(results);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (RandomCalls.Call c : script) results.add(hv.hypercall(c.caller, c.call));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(t);
            t.setDaemon(true); // a stuck thread must not keep the test JVM alive
            t.start();
        }
        joinAll(threads, failure);
        return out;
    }
}
