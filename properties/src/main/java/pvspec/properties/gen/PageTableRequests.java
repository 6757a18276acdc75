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
    private final Caller c;
    private final int me;

    PageTableRequests(StateView v, Pick p, Caller c) {
        this(v, p, p, c);
    }

    PageTableRequests(StateView v, Pick p, Pick pre, Caller c) {
        this.v = v;
        this.p = p;
        this.pre = pre;
        this.c = c;
        this.me = c.domain();
    }

    Hypercall mmuUpdate(boolean hostile) {
        int n = p.chance(0.15) ? 2 + p.below(2) : 1;
        List<MmuUpdate.Request> reqs = new ArrayList<>();
        for (int i = 0; i < n; i++) reqs.add(request(hostile && (i == n - 1 || p.chance(0.3))));
        int fd = DomId.DOMID_SELF;
        if (hostile && p.chance(0.1)) fd = p.one(me, (me + 1) % v.c.domains(), 0x7FF5);
        if (!hostile && me == 0 && p.chance(0.3) && !v.foreign(me).isEmpty()) fd = v.s.frame(p.of(v.foreign(me), 0L)).owner();
        return new MmuUpdate(reqs, fd);
    }

    private MmuUpdate.Request request(boolean hostile) {
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
            return new MmuextOp(List.of(op), pre.chance(0.3) ? 1 : 0);
        }
        List<MmuextOp.Op> ops = new ArrayList<>();
        int n = p.chance(0.15) ? 2 : 1;
        for (int i = 0; i < n; i++) ops.add(op(hostile && (i == n - 1)));
        // A preemption point (@preempt=N) on some calls: pins, unpins and new bases then leave
        // partial tables and deferred puts for the following requests to meet (issue 14).
        return new MmuextOp(ops, pre.chance(0.15) ? 1 + pre.below(3) : 0);
    }

    /** The caller's tables a preempted (de)validation left part-way. */
    private List<Long> partialTables() {
        List<Long> out = new ArrayList<>();
        for (long f : v.frames(me)) if (v.s.frame(f).partial()) out.add(f);
        return out;
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
        return new UpdateVaMapping(va, entry(1, table, hostile), flags);
    }

    Hypercall access() {
        long va = p.chance(0.1) ? p.garbage(v.c.vaPages()) : p.chance(0.8) ? va() : p.below((int) Math.min(1 << 20, v.c.vaPages()));
        return new Access(p.chance(0.5), va);
    }

    /** An address the caller's L1 tables cover, or any address. */
    long va() {
        List<Long> vas = v.l1Addresses(me, c.vcpu());
        return p.of(vas, (long) p.below((int) Math.min(1 << 20, v.c.vaPages())));
    }
}
