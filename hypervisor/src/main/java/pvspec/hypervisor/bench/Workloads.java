package pvspec.hypervisor.bench;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;

/**
 * The benchmark workloads, the same requests for the hypervisor and the model: valid L1
 * {@code mmu_update}s (slow path: a new frame each time; fast path: only the accessed bit
 * changes), pin/unpin of a full L1, an event-channel send (and the receiver's acknowledgement),
 * and a 4-level 1 GiB guest boot. Each workload is set up once ({@code new}), then
 * {@link #run} repeats its unit of work and returns how many operations it did. Used by the JMH
 * benchmarks and by {@code pvspec bench} (via {@link Bench}).
 */
public final class Workloads {
    private Workloads() {}

    static final Caller DOM0 = Caller.kernel(0);
    static final Caller D1 = Caller.kernel(1);
    static final Caller D2 = Caller.kernel(2);

    /** A unit of work repeated by a benchmark. */
    public interface Workload {
        /** Do one unit of work; returns how many operations it counted. */
        int run();
    }

    static long pte(long mfn, PteFlag... flags) {
        return Pte.make(mfn, flags);
    }

    /** d1 with {@code n} frames; returns their numbers. */
    static List<Long> guest(Target t, Caller who, int n) {
        t.expect(DOM0, new Domctl.CreateDomain(n + 16, 1));
        Result r = t.expect(DOM0, new MemoryOp.PopulatePhysmap(who.domain(), n));
        t.expect(DOM0, new Domctl.UnpauseDomain(who.domain()));
        return ((Result.Extents) r).mfns();
    }

    /**
     * Valid L1 updates in batches of one table's worth of entries: a pinned L1 whose every entry is
     * rewritten per batch. Slow path: each entry moves to another data frame (new references,
     * the writable type taken and dropped). Fast path: each entry keeps its frame and only toggles
     * the accessed bit (no revalidation).
     */
    public static Workload l1Updates(Target t, Config c, boolean fastPath, int batch) {
        int entries = c.entries();
        if (batch > entries) throw new IllegalArgumentException("batch > entries");
        List<Long> frames = guest(t, D1, 2 * entries + 1);
        long l1 = frames.get(0);
        t.expect(D1, MmuextOp.of(new MmuextOp.Pin(1, l1)));
        MmuUpdate[] phases = new MmuUpdate[2];
        for (int p = 0; p < 2; p++) {
            List<MmuUpdate.Request> rs = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                long data = frames.get(1 + (fastPath ? i : i + p * entries));
                long val = fastPath && p == 1 ? pte(data, PteFlag.P, PteFlag.RW, PteFlag.US, PteFlag.A) : pte(data, PteFlag.P, PteFlag.RW, PteFlag.US);
                rs.add(new MmuUpdate.Request(l1, i, val));
            }
            phases[p] = new MmuUpdate(rs, DomId.DOMID_SELF);
        }
        t.expect(D1, phases[0]);
        return new Alternating(t, phases, batch);
    }

    /**
     * Issues the two phases of {@link #l1Updates} in turn. A named class, not an anonymous one:
     * JPF would name this class's lambdas' objects {@code Workloads$1} too (JpfLambdaNamesTest).
     */
    private static final class Alternating implements Workload {
        private final Target t;
        private final MmuUpdate[] phases;
        private final int batch;
        private int phase;

        Alternating(Target t, MmuUpdate[] phases, int batch) {
            this.t = t;
            this.phases = phases;
            this.batch = batch;
        }

        @Override public int run() {
            phase ^= 1;
            Result r = t.call(D1, phases[phase]);
            if (r != Result.OK && !r.succeeded()) throw new IllegalStateException("l1 update: " + r);
            return batch;
        }
    }

    /** Pin and unpin an L1 that maps a full table of data frames writable: validation and devalidation of every entry. */
    public static Workload pinUnpin(Target t, Config c) {
        int entries = c.entries();
        List<Long> frames = guest(t, D1, entries + 1);
        long l1 = frames.get(0);
        List<MmuUpdate.Request> rs = new ArrayList<>();
        for (int i = 0; i < entries; i++) rs.add(new MmuUpdate.Request(l1, i, pte(frames.get(1 + i), PteFlag.P, PteFlag.RW, PteFlag.US)));
        t.expect(D1, new MmuUpdate(rs, DomId.DOMID_SELF)); // not yet a table: plain writes
        MmuextOp pinUnpin = MmuextOp.of(new MmuextOp.Pin(1, l1), new MmuextOp.Unpin(l1));
        return () -> {
            if (!t.call(D1, pinUnpin).succeeded()) throw new IllegalStateException("pin/unpin failed");
            return 1;
        };
    }

    /** d1 sends on an interdomain channel to d2, which acknowledges (clears pending) so every send delivers. */
    public static Workload evtchnSend(Target t, Config c) {
        guest(t, D1, 1);
        guest(t, D2, 1);
        int p1 = (int) ((Result.Value) t.expect(D1, new EventChannelOp.AllocUnbound(DomId.DOMID_SELF, 2))).value();
        int p2 = (int) ((Result.Value) t.expect(D2, new EventChannelOp.BindInterdomain(1, p1))).value();
        EventChannelOp.Send send = new EventChannelOp.Send(p1);
        EventChannelWrite.ClearEvtchn clear = new EventChannelWrite.ClearEvtchn(p2);
        return () -> {
            if (!t.call(D1, send).succeeded() || !t.call(D2, clear).succeeded()) throw new IllegalStateException("send failed");
            return 1;
        };
    }

    /**
     * A 4-level guest boot of {@code bytes} of memory, as a PV kernel does it: dom0 creates the
     * domain and populates it; the guest writes its L1s (every data frame mapped writable), L2,
     * L3 and L4 while they are still ordinary memory, pins the L4 (validating the whole tree)
     * and loads it. Needs a 4-level configuration. Returns the requests, built in advance.
     */
    public static List<Object[]> bootRequests(Config c, long bytes) {
        if (c.levels() != 4) throw new IllegalArgumentException("a 4-level configuration");
        int e = c.entries();
        int data = (int) (bytes / 4096);
        int l1s = (data + e - 1) / e;
        int l2s = (l1s + e - 1) / e;
        if (l2s > e) throw new IllegalArgumentException("more than one L3's worth");
        int tables = 1 + 1 + l2s + l1s;
        int total = tables + data;
        long first = c.xenFrames(); // populate takes the lowest free frames: xenFrames, xenFrames+1, ...
        long l4 = first;
        long l3 = first + 1;
        long l2first = first + 2;
        long l1first = l2first + l2s;
        long dfirst = l1first + l1s;
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {DOM0, new Domctl.CreateDomain(total, 1)});
        out.add(new Object[] {DOM0, new MemoryOp.PopulatePhysmap(1, total)});
        out.add(new Object[] {DOM0, new Domctl.UnpauseDomain(1)});
        for (int j = 0; j < l1s; j++) {
            List<MmuUpdate.Request> rs = new ArrayList<>(e);
            for (int i = 0; i < e && j * e + i < data; i++) rs.add(new MmuUpdate.Request(l1first + j, i, pte(dfirst + (long) j * e + i, PteFlag.P, PteFlag.RW, PteFlag.US)));
            out.add(new Object[] {D1, new MmuUpdate(rs, DomId.DOMID_SELF)});
        }
        for (int k = 0; k < l2s; k++) {
            List<MmuUpdate.Request> rs = new ArrayList<>(e);
            for (int j = k * e; j < Math.min(l1s, (k + 1) * e); j++) rs.add(new MmuUpdate.Request(l2first + k, j - k * e, pte(l1first + j, PteFlag.P, PteFlag.RW, PteFlag.US)));
            out.add(new Object[] {D1, new MmuUpdate(rs, DomId.DOMID_SELF)});
        }
        List<MmuUpdate.Request> l3rs = new ArrayList<>();
        for (int k = 0; k < l2s; k++) l3rs.add(new MmuUpdate.Request(l3, k, pte(l2first + k, PteFlag.P, PteFlag.RW, PteFlag.US)));
        out.add(new Object[] {D1, new MmuUpdate(l3rs, DomId.DOMID_SELF)});
        out.add(new Object[] {D1, MmuUpdate.one(l4, 0, pte(l3, PteFlag.P, PteFlag.RW, PteFlag.US))});
        out.add(new Object[] {D1, MmuextOp.of(new MmuextOp.Pin(4, l4), new MmuextOp.NewBaseptr(l4))});
        return out;
    }

    /** Run a boot built by {@link #bootRequests} on a freshly booted target; returns the frames it validated. */
    public static int boot(Target t, List<Object[]> requests) {
        for (Object[] r : requests) t.expect((Caller) r[0], (pvspec.model.abi.Hypercall) r[1]);
        return requests.size();
    }
}
