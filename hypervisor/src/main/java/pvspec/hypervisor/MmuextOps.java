package pvspec.hypervisor;

import static pvspec.model.abi.Errno.EACCES;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EOPNOTSUPP;

import java.util.List;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.Result;

/**
 * {@code do_mmuext_op}: pinning, base pointers, TLB and page operations, in order until the
 * first refused one.
 */
final class MmuextOps {
    private MmuextOps() {}

    static final Refused NOT_OWNED = Refused.of(EINVAL, "the frame is not the caller's");
    static final Refused BAD_TYPE = Refused.of(EINVAL, "the frame cannot be a table of that level");
    static final Refused ALREADY_PINNED = Refused.of(EINVAL, "already pinned");
    static final Refused NOT_PINNED = Refused.of(EINVAL, "not pinned");
    static final Refused NOT_WRITABLE = Refused.of(EINVAL, "a page table cannot be cleared");
    static final Refused NO_CACHE_FLUSH = Refused.of(EACCES, "cache flushes need I/O privilege");
    static final Refused NO_SUPERPAGES = Refused.of(EOPNOTSUPP, "PV superpages were removed");
    static final Refused UNKNOWN_COMMAND = Refused.of(ENOSYS, "no such mmuext command");

    static Result apply(Txn t, MmuextOp h) {
        List<MmuextOp.Op> ops = h.ops();
        int n = ops.size();
        for (int done = 0; done < n; done++) {
            long mark = t.mark();
            try {
                op(t, ops.get(done));
            } catch (Refused r) {
                t.rollback(mark);
                return new Result.Partial(r.errno, done);
            }
        }
        return Result.OK;
    }

    private static void op(Txn t, MmuextOp.Op op) {
        Dom d = t.dom;
        if (op instanceof MmuextOp.Pin) {
            MmuextOp.Pin p = (MmuextOp.Pin) op;
            // mm.c:3565: a level the machine does not have is ignored (rc = 0).
            if (p.level() >= 1 && p.level() <= t.hv.levels) pin(t, p.mfn(), p.level());
        } else if (op instanceof MmuextOp.Unpin) {
            unpin(t, ((MmuextOp.Unpin) op).mfn());
        } else if (op instanceof MmuextOp.NewBaseptr) {
            newBaseptr(t, ((MmuextOp.NewBaseptr) op).mfn());
        } else if (op instanceof MmuextOp.TlbFlushLocal) {
            TlbOps.flushLocal(t, d, t.vcpu);
        } else if (op instanceof MmuextOp.InvlpgLocal) {
            TlbOps.invlpgLocal(t, d, t.vcpu, ((MmuextOp.InvlpgLocal) op).va());
        } else if (op instanceof MmuextOp.TlbFlushAll) {
            TlbOps.flushAll(t, d);
        } else if (op instanceof MmuextOp.InvlpgAll) {
            TlbOps.invlpgAll(t, d, ((MmuextOp.InvlpgAll) op).va());
        } else if (op instanceof MmuextOp.ClearPage) {
            clearPage(t, ((MmuextOp.ClearPage) op).mfn());
        } else if (op instanceof MmuextOp.FlushCache) {
            if (!t.checks.cacheFlushPermitted(d.privileged)) throw NO_CACHE_FLUSH;
        } else if (op instanceof MmuextOp.MarkSuper || op instanceof MmuextOp.UnmarkSuper) {
            throw NO_SUPERPAGES;
        } else {
            throw UNKNOWN_COMMAND;
        }
    }

    /** {@code MMUEXT_PIN_Lx_TABLE}: take the type (validating the tree below) and keep it. */
    private static void pin(Txn t, long mfn, int level) {
        PageRefs.getPage(t, mfn, t.me, NOT_OWNED);
        int f = (int) mfn;
        PageRefs.getPageType(t, f, level, BAD_TYPE);
        for (;;) {
            long ti = t.ft.typeInfo.get(f);
            if (FrameTable.pinned(ti)) throw ALREADY_PINNED;
            if (t.casType(f, ti, ti | FrameTable.PGT_PINNED)) return;
        }
    }

    /** {@code MMUEXT_UNPIN_TABLE}: drop the pin's references, devalidating on the last. */
    private static void unpin(Txn t, long mfn) {
        FrameTable ft = t.ft;
        if (!ft.valid(mfn) || !t.checks.tableOwner(ft.owner[(int) mfn], t.me)) throw NOT_OWNED;
        int f = (int) mfn;
        t.needFrame(f);
        long ti = ft.typeInfo.get(f);
        if (!FrameTable.pinned(ti)) throw NOT_PINNED;
        t.setTypeInfo(f, ti & ~FrameTable.PGT_PINNED);
        PageRefs.putPageAndType(t, f);
    }

    /** {@code MMUEXT_NEW_BASEPTR}: the vCPU runs on a new top-level table; loading it flushes the TLB. */
    private static void newBaseptr(Txn t, long mfn) {
        PageRefs.getPage(t, mfn, t.me, NOT_OWNED);
        PageRefs.getPageType(t, (int) mfn, t.hv.levels, BAD_TYPE);
        Dom d = t.dom;
        long old = d.baseptr[t.vcpu];
        // fill_ro_mpt (mm.c:1729), except when reloading the current base (mm.c:3339).
        if (old != mfn && t.ft.entry((int) mfn, t.hv.config.m2pSlot()) == Pte.NONE) {
            t.setEntry((int) mfn, t.hv.config.m2pSlot(), t.hv.config.m2pEntry());
        }
        t.setLong(d.baseptr, t.vcpu, mfn);
        TlbOps.flushLocal(t, d, t.vcpu);
        if (old != Dom.NO_BASEPTR) PageRefs.putPageAndType(t, (int) old);
    }

    /** {@code MMUEXT_CLEAR_PAGE}: zero a frame of the caller that is not a page table. */
    private static void clearPage(Txn t, long mfn) {
        FrameTable ft = t.ft;
        if (!ft.valid(mfn) || !t.checks.tableOwner(ft.owner[(int) mfn], t.me)) throw NOT_OWNED;
        int f = (int) mfn;
        t.needFrame(f);
        long ti = ft.typeInfo.get(f);
        if (!t.checks.clearablePage(FrameTable.type(ti), FrameTable.typeCount(ti))) throw NOT_WRITABLE;
        t.zeroContents(f);
        t.setInt(ft.dataTag, f, FrameTable.FREE);
    }
}
