package pvspec.properties.gen;

import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.StackSwitch;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UnknownHypercall;

/** Memory reservations, domain control, scheduling, trap tables and the odd unknown request. */
final class ControlRequests {
    private final StateView v;
    private final Pick p;
    private final int me;
    /** destroydomain's preemption points (their own stream), or null. */
    private final Pick preempt;

    ControlRequests(StateView v, Pick p, Caller c) {
        this(v, p, c, null);
    }

    ControlRequests(StateView v, Pick p, Caller c, Pick preempt) {
        this.v = v;
        this.p = p;
        this.me = c.domain();
        this.preempt = preempt;
    }

    Hypercall memory(boolean hostile) {
        int dom = hostile ? p.of(v.runningDomains(), 9) : me == 0 && p.chance(0.5) ? p.of(v.runningDomains(), 0) : DomId.DOMID_SELF;
        // One draw decides the sub-operation: a tenth are the reservation queries.
        double x = p.random().nextDouble();
        if (x < 0.1) return x < 0.05 ? new MemoryOp.MaximumReservation(dom) : new MemoryOp.CurrentReservation(dom);
        if (x < 0.16) return exchange(dom, hostile);
        if (x < 0.55) return new MemoryOp.PopulatePhysmap(dom, hostile && p.chance(0.3) ? -1 : 1 + p.below(2));
        long mfn = hostile ? p.of(v.foreign(me), p.garbage(v.c.frames())) : p.of(v.frames(me), 0L);
        return new MemoryOp.DecreaseReservation(dom, List.of(mfn));
    }

    /**
     * {@code XENMEM_exchange} of one order-0 extent: an own frame (or, for the control domain, a
     * frame of the domain named); hostile, another's frame or XSA-212's arguments (a
     * {@code nr_exchanged} past the list, sizes that differ or overflow, an order too large).
     */
    private Hypercall exchange(int dom, boolean hostile) {
        int owner = DomId.resolve(dom, new Caller(me, 0, pvspec.model.abi.Mode.KERNEL));
        long mfn = hostile ? p.of(v.foreign(me), p.garbage(v.c.frames())) : p.of(v.frames(owner), p.of(v.frames(me), 0L));
        if (!hostile) return new MemoryOp.Exchange(dom, List.of(mfn), 0, 1, 0, dom, 0);
        switch (p.below(4)) {
            case 0: return new MemoryOp.Exchange(dom, List.of(mfn), 0, 1, 0, dom, 2 + p.below(3));
            case 1: return new MemoryOp.Exchange(dom, List.of(mfn), 0, p.chance(0.5) ? -1L : 2, p.chance(0.5) ? 1 : 0, dom, 0);
            case 2: return new MemoryOp.Exchange(dom, List.of(mfn), 10 + p.below(10), 1, 10, dom, 0);
            default: return new MemoryOp.Exchange(dom, List.of(mfn), 0, 1, 0, dom, 0);
        }
    }

    /** Domain control: from the control domain (or, hostile, from a guest). Destruction is rare. */
    Hypercall domctl() {
        int target = p.of(v.runningDomains(), 1);
        switch (p.below(12)) {
            case 0: case 1: return new Domctl.CreateDomain(p.below(5), 1 + p.below(v.c.vcpus()));
            case 2: return destroy(target);
            case 3: case 4: return new Domctl.PauseDomain(target);
            case 5: case 6: case 7: return new Domctl.UnpauseDomain(p.of(pausedDomains(), target));
            case 8: return new Domctl.Unknown(p.one(99, -1));
            default: return new Domctl.MaxMem(target, p.below(8));
        }
    }

    /**
     * {@code destroydomain}, on some calls preempted (@preempt=N): often at the first check of a
     * pinned table's devalidation in relinquish_memory's first pass (one check after each frame
     * below it, domain.c:2424; the table's demote loop, mm.c:1880-1888), else at one of the first.
     */
    private Hypercall destroy(int target) {
        if (preempt == null || !preempt.chance(0.5)) return new Domctl.DestroyDomain(target);
        List<Long> pinned = v.pinnedTables(target);
        if (!pinned.isEmpty() && preempt.chance(0.6)) return new Domctl.DestroyDomain(target, v.framesBelow(target, preempt.of(pinned, 0L)) + 1);
        return new Domctl.DestroyDomain(target, 1 + preempt.below(4));
    }

    /** The continuation of a preempted teardown: the same call re-issued, itself preempted on some calls. */
    Hypercall continueTeardown() {
        int dying = preempt.of(v.tearingDown(), 1);
        return new Domctl.DestroyDomain(dying, preempt.chance(0.3) ? 1 + preempt.below(3) : 0);
    }

    private List<Integer> pausedDomains() {
        List<Integer> out = new java.util.ArrayList<>();
        for (pvspec.model.state.Domain d : v.s.domains().values()) if (d.paused()) out.add(d.id());
        return out;
    }

    Hypercall sched() {
        double r = p.random().nextDouble();
        if (r < 0.02) return new SchedOp.Shutdown();
        if (r < 0.12) return new SchedOp.Block();
        if (r < 0.15) return new SchedOp.Unknown(p.one(3, 99));
        return new SchedOp.Yield();
    }

    /** The handlers a kernel installs at boot: #BP, #OF, #GP, #PF, at one guest address. */
    Hypercall handlers() {
        long a = address(false);
        List<TrapInfo> ts = new java.util.ArrayList<>();
        for (int vector : new int[] {3, 4, 13, 14}) ts.add(new TrapInfo(vector, 0, 0xe033, a));
        return new SetTrapTable(ts);
    }

    Hypercall traps(boolean hostile) {
        if (p.chance(0.2)) return segments(hostile);
        if (p.chance(0.25)) return new SetCallbacks(address(hostile), p.chance(0.5) ? 0 : address(false), p.chance(0.7) ? 0 : address(hostile));
        if (p.chance(0.25)) return callbackOp(hostile);
        if (p.chance(0.1)) return new SetTrapTable(List.of());
        int vector = hostile && p.chance(0.2) ? p.one(256, -1) : p.one(3, 13, 14, 128, p.below(32));
        int dpl = hostile && p.chance(0.2) ? p.one(4, -1) : p.below(4);
        int cs = p.one(0xe033, 0xe030, 0x10, 0xe019);
        return new SetTrapTable(List.of(new TrapInfo(vector, dpl, cs, address(hostile))));
    }

    /** {@code stack_switch} with RPL 3 and (hostile or not) lower selectors; {@code set_segment_base} of every kind, hostile with non-canonical bases and unknown kinds. */
    private Hypercall segments(boolean hostile) {
        if (p.chance(0.4)) return new StackSwitch(p.one(0xe02bL, 0xe028L, 0x10L, 0xe029L), address(false));
        long which = hostile && p.chance(0.3) ? p.one(4L, -1L, 1L << 32) : p.below(4);
        long base = which == SetSegmentBase.GS_USER_SEL ? p.one(0xe02bL, 0x10L, 0x2L, 0xe028L) : p.chance(0.2) ? 0 : address(hostile);
        return new SetSegmentBase(which, base);
    }

    /** {@code callback_op}: every type (3 and 6 are none on x86-64), with and without the event mask; NMI unregistered. */
    private Hypercall callbackOp(boolean hostile) {
        int type = hostile && p.chance(0.3) ? p.one(3, 6, 8, 0x10004) : p.one(0, 1, 2, 4, 4, 5, 7);
        if (p.chance(0.3)) return new CallbackOp.Unregister(type);
        if (hostile && p.chance(0.05)) return new CallbackOp.Unknown(p.one(2, 99));
        return new CallbackOp.Register(type, p.chance(0.5) ? CallbackOp.CALLBACKF_mask_events : 0, p.chance(0.1) ? 0 : address(hostile));
    }

    /** A handler address: a guest address, or (hostile) a non-canonical or hypervisor one. */
    private long address(boolean hostile) {
        if (!hostile) {
            long a;
            do a = 1 + p.below((int) Math.min(1 << 20, v.c.vaPages() - 1)); while (v.c.hypervisorRange(a));
            return a;
        }
        return p.chance(0.5) ? p.garbage(v.c.vaPages()) : v.c.va(hypervisorIndices());
    }

    private int[] hypervisorIndices() {
        int[] idx = new int[v.c.levels()];
        idx[0] = v.c.reservedFirst();
        return idx;
    }

    Hypercall softInt() {
        return new SoftInt(p.chance(0.05) ? p.one(256, -1) : p.one(3, 13, 14, 128, p.below(256)));
    }

    Hypercall unknown() {
        return new UnknownHypercall(p.one(2, 11, 31, 40, 99));
    }
}
