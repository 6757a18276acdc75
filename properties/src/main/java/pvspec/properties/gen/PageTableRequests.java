package pvspec.properties.gen;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.abi.VmAssist;
import pvspec.model.rules.Walks;
import pvspec.model.state.Domain;
import pvspec.model.state.Vcpu;

/**
 * Page-table requests a guest kernel makes while building and using its address space, and
 * the hostile variants of each: writable maps of its own tables, superpages, foreign and
 * hypervisor frames, reserved slots, linear entries that are writable or chained.
 */
final class PageTableRequests {
    private final StateView v;
    private final Pick p;
    /** Preemption points and continuations (their own stream). */
    private final Pick pre;
    /** mmu_update's preemption points (their own stream). */
    private final Pick mmuPre;
    private final Caller c;
    private final int me;

    PageTableRequests(StateView v, Pick p, Caller c) {
        this(v, p, p, p, c);
    }

    PageTableRequests(StateView v, Pick p, Pick pre, Pick mmuPre, Caller c) {
        this.v = v;
        this.p = p;
        this.pre = pre;
        this.mmuPre = mmuPre;
        this.c = c;
        this.me = c.domain();
    }

    Hypercall mmuUpdate(boolean hostile) {
        int n = p.chance(0.15) ? 2 + p.below(2) : 1;
        List<MmuUpdate.Request> reqs = new ArrayList<>();
        for (int i = 0; i < n; i++) reqs.add(request(hostile && (i == n - 1 || p.chance(0.3))));
        int fd = DomId.DOMID_SELF;
        if (hostile && p.chance(0.1)) fd = p.one(me, (me + 1) % v.c.domains(), 0x7FF5, DomId.DOMID_IO);
        if (!hostile && me == 0 && p.chance(0.3) && !v.foreign(me).isEmpty()) fd = v.s.frame(p.of(v.foreign(me), 0L)).owner();
        // The page-table owner (foreigndom >> 16): the control domain building a guest names it as
        // both owners; a hostile caller names another domain, or none that exists.
        int pt = -1;
        if (p.chance(0.08)) pt = hostile ? p.one((me + 1) % v.c.domains(), me, 0x7FF0) : fd == DomId.DOMID_SELF ? me : fd;
        // A preemption point (@preempt=N) on some calls: the loop head, a deferred put it finishes
        // first or after an L2..L4 write, an L3/L4 entry's new child (issue 14); more often when
        // the caller's vCPU has a deferred put pending, which the call finishes first.
        Vcpu mine = v.s.domains().containsKey(me) && v.s.dom(me).hasVcpu(c.vcpu()) ? v.s.dom(me).vcpu(c.vcpu()) : null;
        if (mine != null && mine.hasOldGuestTable()) return new MmuUpdate(reqs, MmuUpdate.foreigndom(fd, pt), mmuPre.chance(0.6) ? 1 + mmuPre.below(2) : 0);
        return new MmuUpdate(reqs, MmuUpdate.foreigndom(fd, pt), mmuPre.chance(0.12) ? 1 + mmuPre.below(3) : 0);
    }

    /** {@code MMU_MACHPHYS_UPDATE}: the M2P entry of an own frame, or (hostile) another's (XSA-113). */
    private MmuUpdate.Request machphys(boolean hostile) {
        long mfn = hostile ? p.of(v.foreign(me), p.garbage(v.c.frames())) : p.of(v.frames(me), 0L);
        return MmuUpdate.Request.machphys(mfn, p.below(16));
    }

    private MmuUpdate.Request request(boolean hostile) {
        double k = p.random().nextDouble();
        if (k < 0.1) return machphys(hostile);
        MmuUpdate.Request r = pageTableRequest(hostile);
        // PRESERVE_AD and NO_TRANSLATE now and then; a hostile caller also the unused commands 4..7.
        if (k > 0.94) return new MmuUpdate.Request(r.mfn(), r.index(), r.val(), hostile && k > 0.98 ? 4 + p.below(4) : p.one(2, 3));
        return r;
    }

    private MmuUpdate.Request pageTableRequest(boolean hostile) {
        List<Long> tables = v.tables(me, 0);
        boolean plain = tables.isEmpty() || p.chance(0.35);
        long table = plain ? p.of(v.untyped(me), p.of(v.frames(me), 0L)) : p.of(tables, 0L);
        int level = plain ? 1 + p.below(v.c.levels()) : v.s.frame(table).type().level();
        int index = p.below(v.c.entries());
        if (hostile && p.chance(0.2)) return new MmuUpdate.Request(p.chance(0.5) ? p.garbage(v.c.frames()) : p.of(v.foreign(me), 0L), index, entry(level, table, false));
        if (hostile && p.chance(0.15)) return new MmuUpdate.Request(table, p.chance(0.5) ? p.garbage(v.c.entries()) : v.c.reservedFirst(), entry(level, table, false));
        return new MmuUpdate.Request(table, index, entry(level, table, hostile));
    }

    /** A value for an entry of a level-{@code level} table {@code table}. */
    long entry(int level, long table, boolean hostile) {
        if (p.chance(0.12)) return Pte.NONE;
        if (hostile) return hostileEntry(level, table);
        if (level == 1) {
            List<Long> data = v.untyped(me);
            data.addAll(writableFrames());
            long target = p.chance(0.8) ? p.of(data, table) : p.of(v.frames(me), table);
            boolean rw = data.contains(target) && p.chance(0.7);
            return rw ? Pte.make(target, PteFlag.P, PteFlag.RW, PteFlag.US) : Pte.make(target, PteFlag.P, PteFlag.US);
        }
        if (p.chance(0.15)) return Pte.make(p.chance(0.5) ? table : p.of(v.tables(me, level), table), PteFlag.P, PteFlag.US);
        long target = p.of(v.tables(me, level - 1), p.of(v.untyped(me), table));
        return Pte.make(target, PteFlag.P, PteFlag.RW, PteFlag.US);
    }

    private List<Long> writableFrames() {
        List<Long> out = new ArrayList<>();
        for (long f : v.frames(me)) if (v.typed(f, pvspec.model.state.PageType.WRITABLE)) out.add(f);
        return out;
    }

    private long hostileEntry(int level, long table) {
        switch (p.below(7)) {
            case 0: return Pte.make(p.of(v.tables(me, 0), table), PteFlag.P, PteFlag.RW, PteFlag.US);
            case 1: return Pte.make(p.of(v.frames(me), table), PteFlag.P, PteFlag.RW, PteFlag.US, PteFlag.PSE);
            case 2: return Pte.make(p.of(v.foreign(me), 1L), PteFlag.P, PteFlag.RW, PteFlag.US);
            case 3: return Pte.make(p.below(v.c.xenFrames()), PteFlag.P, PteFlag.US);
            case 4: return Pte.make(table, PteFlag.P, PteFlag.RW, PteFlag.US);
            case 5: return Pte.make(p.of(v.frames(me), table), PteFlag.P, PteFlag.US, PteFlag.GNTTAB);
            default: return Pte.of(Math.min(Pte.MAX_MFN, Math.abs(p.garbage(v.c.frames()))), PteFlag.P.mask() | 0x18);
        }
    }

    Hypercall mmuextOp(boolean hostile) {
        List<Long> partial = partialTables();
        if (!partial.isEmpty() && pre.chance(0.35)) {
            // The continuation of a preempted pin or base (or another caller taking it over).
            long f = pre.of(partial, 0L);
            int level = v.s.frame(f).type().level();
            MmuextOp.Op op = level == v.c.levels() && pre.chance(0.3) ? new MmuextOp.NewBaseptr(f) : new MmuextOp.Pin(level, f);
            return new MmuextOp(List.of(op), DomId.DOMID_SELF, pre.chance(0.3) ? 1 : 0);
        }
        List<MmuextOp.Op> ops = new ArrayList<>();
        int n = p.chance(0.15) ? 2 : 1;
        double k = p.random().nextDouble();
        // The control domain building a guest: pin, unpin, clear or copy that guest's frames.
        if (k < 0.12 && me == 0 && !v.foreign(me).isEmpty()) return foreignMmuextOp();
        for (int i = 0; i < n; i++) ops.add(op(hostile && (i == n - 1)));
        // A hostile foreigndom: another domain, dom_io, dom_xen (xsm_mmuext_op refuses each to a guest).
        int foreigndom = hostile && k > 0.92 ? p.one((me + 1) % v.c.domains(), DomId.DOMID_IO, DomId.DOMID_XEN, me) : DomId.DOMID_SELF;
        // A preemption point (@preempt=N) on some calls: pins, unpins and new bases then leave
        // partial tables and deferred puts for the following requests to meet (issue 14).
        return new MmuextOp(ops, foreigndom, pre.chance(0.15) ? 1 + pre.below(3) : 0);
    }

    /** The caller's tables a preempted (de)validation left part-way. */
    private List<Long> partialTables() {
        List<Long> out = new ArrayList<>();
        for (long f : v.frames(me)) if (v.s.frame(f).partial()) out.add(f);
        return out;
    }

    private MmuextOp foreignMmuextOp() {
        long f = p.of(v.foreign(me), 0L);
        int owner = v.s.frame(f).owner();
        MmuextOp.Op op;
        switch (p.below(5)) {
            case 0: op = new MmuextOp.Pin(v.s.frame(f).isTable() ? v.s.frame(f).type().level() : 1, f); break;
            case 1: op = new MmuextOp.Unpin(f); break;
            case 2: op = new MmuextOp.ClearPage(f); break;
            case 3: op = new MmuextOp.CopyPage(f, p.of(v.foreign(me), f)); break;
            default: op = new MmuextOp.TlbFlushLocal(); break;
        }
        return new MmuextOp(List.of(op), owner);
    }

    private MmuextOp.Op op(boolean hostile) {
        int levels = v.c.levels();
        if (hostile) {
            switch (p.below(6)) {
                case 0: return new MmuextOp.Pin(1 + p.below(levels), p.of(v.foreign(me), 0L));
                case 1: return new MmuextOp.Pin(1 + p.below(levels), p.of(v.pinned(me), 1L));
                case 2: return new MmuextOp.Unpin(p.of(v.untyped(me), 0L));
                case 3: return new MmuextOp.Pin(p.chance(0.5) ? levels + 1 : 0, p.of(v.untyped(me), 0L));
                case 4: return p.chance(0.5) ? new MmuextOp.MarkSuper(p.of(v.frames(me), 0L)) : new MmuextOp.Unknown(p.one(8, 9, 13, 99), 0);
                default: return new MmuextOp.NewBaseptr(p.of(v.tables(me, 1), p.garbage(v.c.frames())));
            }
        }
        switch (p.below(10)) {
            case 0: case 1: case 2: {
                long f = p.of(v.untyped(me), p.of(v.tables(me, 0), 0L));
                int level = v.s.frame(f).isTable() ? v.s.frame(f).type().level() : 1 + p.below(levels);
                return new MmuextOp.Pin(level, f);
            }
            case 3: return new MmuextOp.Unpin(p.of(v.pinned(me), 0L));
            case 4: return new MmuextOp.NewBaseptr(p.of(v.tables(me, levels), p.of(v.untyped(me), 0L)));
            case 5: return p.chance(0.5) ? new MmuextOp.TlbFlushLocal() : new MmuextOp.TlbFlushAll();
            case 6: return p.chance(0.5) ? new MmuextOp.InvlpgLocal(va()) : new MmuextOp.InvlpgAll(va());
            case 7: return new MmuextOp.ClearPage(p.of(v.untyped(me), 0L));
            case 8: {
                // One draw: the cache flushes, and now and then the other commands of do_mmuext_op.
                double x = p.random().nextDouble();
                if (x < 0.6) return x < 0.45 ? new MmuextOp.FlushCache() : new MmuextOp.FlushCacheGlobal();
                if (x < 0.8) return new MmuextOp.CopyPage(p.of(v.frames(me), 0L), p.of(v.frames(me), 0L));
                long mask = 1 + p.below(3);
                return x < 0.9 ? new MmuextOp.TlbFlushMulti(mask) : new MmuextOp.InvlpgMulti(va(), mask);
            }
            default: return new MmuextOp.Pin(levels, p.of(v.untyped(me), 0L));
        }
    }

    Hypercall updateVaMapping(boolean hostile) {
        long va = hostile && p.chance(0.3) ? p.garbage(v.c.vaPages()) : va();
        long flags = hostile && p.chance(0.2) ? p.one(3L, 8L, -1L) : p.one(0L, 1L, 2L, 5L, 6L);
        long table = v.tables(me, 1).isEmpty() ? 0 : p.of(v.tables(me, 1), 0L);
        long val = entry(1, table, hostile);
        double k = p.random().nextDouble();
        if (k < 0.1) {
            // update_va_mapping_otherdomain: the control domain maps a guest's frame; a hostile caller names another domain.
            if (me == 0 && !v.foreign(me).isEmpty() && !hostile) {
                long f = p.of(v.foreign(me), 0L);
                return UpdateVaMapping.otherdomain(va, Pte.make(f, PteFlag.P, PteFlag.US), flags, v.s.frame(f).owner());
            }
            return UpdateVaMapping.otherdomain(va, val, flags, p.one((me + 1) % v.c.domains(), DomId.DOMID_SELF, DomId.DOMID_IO, me));
        }
        return new UpdateVaMapping(va, val, flags);
    }

    Hypercall access(boolean hostile) {
        if (p.chance(0.3)) {
            Hypercall w = l1Write(hostile);
            if (w != null) return w;
        }
        long va = p.chance(0.1) ? p.garbage(v.c.vaPages()) : p.chance(0.8) ? va() : p.below((int) Math.min(1 << 20, v.c.vaPages()));
        return new Access(p.chance(0.5), va);
    }

    /**
     * Writable page tables: a kernel's store into one of its L1 tables through a read-only
     * mapping of it (Xen emulates it when the assist is on), with an entry as {@code mmu_update}
     * would write it; now and then unaligned. Null when no such mapping exists.
     */
    private Hypercall l1Write(boolean hostile) {
        Domain d = v.s.domains().get(me);
        if (d == null || !d.hasVcpu(c.vcpu())) return null;
        if (!d.vmAssist(Domain.VMASST_WRITABLE_PAGETABLES) && p.chance(0.5)) return vmAssist(hostile);
        List<Long> windows = new ArrayList<>();
        for (long va : v.l1Addresses(me, c.vcpu())) {
            var t = Walks.translate(v.s, d.vcpu(c.vcpu()), va);
            if (t.isPresent() && !t.get().writable() && v.s.frame(t.get().mfn()).owner() == me && v.s.frame(t.get().mfn()).isTable(1)) windows.add(va);
        }
        if (windows.isEmpty()) return null;
        long va = p.of(windows, 0L);
        long table = Walks.translate(v.s, d.vcpu(c.vcpu()), va).get().mfn();
        long offset = p.chance(0.1) ? 4 : 8L * p.below(v.c.entries());
        return Access.write(va, offset, entry(1, table, hostile || p.chance(0.3)));
    }

    /** {@code vm_assist}: mostly enabling writable page tables; hostile, any command and type. */
    Hypercall vmAssist(boolean hostile) {
        if (hostile && p.chance(0.3)) return new VmAssist(p.one(0L, 1L, 2L, -1L), p.one(2L, 6L, 32L, 64L, 1L << 32 | 2));
        return new VmAssist(p.chance(0.9) ? VmAssist.CMD_ENABLE : VmAssist.CMD_DISABLE, p.chance(0.8) ? Domain.VMASST_WRITABLE_PAGETABLES : Domain.VMASST_M2P_STRICT);
    }

    /** An address the caller's L1 tables cover, or any address. */
    long va() {
        List<Long> vas = v.l1Addresses(me, c.vcpu());
        return p.of(vas, (long) p.below((int) Math.min(1 << 20, v.c.vaPages())));
    }
}
