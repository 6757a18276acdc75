package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.MMUEXT_ALREADY_PINNED;
import static pvspec.model.abi.check.Check.MMUEXT_BAD_TYPE;
import static pvspec.model.abi.check.Check.MMUEXT_COPY_BAD_SOURCE;
import static pvspec.model.abi.check.Check.MMUEXT_COPY_BAD_TARGET;
import static pvspec.model.abi.check.Check.MMUEXT_FOREIGN_CMD;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_PINNED;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_WRITABLE;
import static pvspec.model.abi.check.Check.MMUEXT_NO_CACHE_FLUSH;
import static pvspec.model.abi.check.Check.MMUEXT_NO_SUPERPAGES;
import static pvspec.model.abi.check.Check.MMUEXT_UNKNOWN_COMMAND;
import static pvspec.model.abi.check.Check.MMUEXT_XSM;

import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.state.Domain;
import pvspec.model.abi.Result;

/**
 * {@code do_mmuext_op}: pinning, base pointers, TLB and page operations, in order until the
 * first refused one.
 */
final class MmuextOps {
    private MmuextOps() {}


    /**
     * The batch loop of {@code do_mmuext_op} (mm.c:3449-3984): the vCPU's deferred put first;
     * before every command but the first, a pending deferred put or the preemption check stops it
     * with a continuation; a command preempted inside stops it too; a deferred put left at the end
     * makes the null continuation.
     */
    static Result apply(Txn t, MmuextOp h) {
        t.preemptAt(h.preempt());
        try {
            OldGuest.put(t, t.vcpu, true);
        } catch (Preempt p) {
            return new Result.Restart(0);
        }
        // get_pg_owner (a domid_t), then xsm_mmuext_op, which does not spare dom_io (mm.c:3494-3508).
        int pg;
        try {
            pg = PgOwners.of(t, h.foreigndom() & 0xFFFF);
            if (!PgOwners.xsmTarget(t, pg)) throw Refused.of(MMUEXT_XSM);
        } catch (Refused r) {
            t.batchStoppedBy = r.check; // the deferred put stays done
            return new Result.Partial(r.check.errno(), 0);
        }
        List<MmuextOp.Op> ops = h.ops();
        int n = ops.size();
        for (int done = 0; done < n; done++) {
            if (OldGuest.held(t) || (done > 0 && t.preemptCheck())) return new Result.Restart(done);
            long mark = t.mark();
            try {
                op(t, pg, ops.get(done));
            } catch (Refused r) {
                t.rollback(mark);
                t.batchStoppedBy = r.check;
                return new Result.Partial(r.check.errno(), done);
            } catch (FailedAfter r) {
                r.settle(t, mark);
                t.batchStoppedBy = r.check;
                return new Result.Partial(r.check.errno(), done);
            } catch (Preempt p) {
                return new Result.Restart(done);
            }
        }
        return OldGuest.held(t) ? new Result.Restart(n) : Result.OK;
    }

    private static void op(Txn t, int pg, MmuextOp.Op op) {
        Dom d = t.dom;
        op.accept(new MmuextOp.Op.Visitor<Void>() {
            @Override
            public Void pin(MmuextOp.Pin p) {
                // mm.c:3565: a level the machine does not have is ignored (rc = 0).
                if (p.level() >= 1 && p.level() <= t.hv.levels) MmuextOps.pin(t, pg, p.mfn(), p.level());
                return null;
            }

            /** The commands on the caller's own vCPUs: EPERM for a foreign page owner (mm.c:3681-3839). */
            private void own() {
                if (pg != t.me) throw Refused.of(MMUEXT_FOREIGN_CMD);
            }

            @Override public Void unpin(MmuextOp.Unpin x) { MmuextOps.unpin(t, pg, x.mfn()); return null; }
            @Override public Void newBaseptr(MmuextOp.NewBaseptr x) { own(); MmuextOps.newBaseptr(t, x.mfn()); return null; }
            @Override public Void newUserBaseptr(MmuextOp.NewUserBaseptr x) { own(); MmuextOps.newUserBaseptr(t, x.mfn()); return null; }
            @Override public Void tlbFlushLocal(MmuextOp.TlbFlushLocal x) { own(); TlbOps.flushLocal(t, d, t.vcpu); return null; }
            @Override public Void invlpgLocal(MmuextOp.InvlpgLocal x) { own(); TlbOps.invlpgLocal(t, d, t.vcpu, x.va()); return null; }
            @Override public Void tlbFlushAll(MmuextOp.TlbFlushAll x) { own(); TlbOps.flushAll(t, d); return null; }
            @Override public Void invlpgAll(MmuextOp.InvlpgAll x) { own(); TlbOps.invlpgAll(t, d, x.va()); return null; }
            @Override public Void clearPage(MmuextOp.ClearPage x) { MmuextOps.clearPage(t, pg, x.mfn()); return null; }
            @Override public Void copyPage(MmuextOp.CopyPage x) { MmuextOps.copyPage(t, pg, x.mfn(), x.srcMfn()); return null; }
            @Override public Void setLdt(MmuextOp.SetLdt x) { own(); DescOps.setLdt(t, x.va(), x.ents()); return null; }
            @Override public Void flushCacheGlobal(MmuextOp.FlushCacheGlobal x) { return flushCache(new MmuextOp.FlushCache()); }

            @Override
            public Void tlbFlushMulti(MmuextOp.TlbFlushMulti x) {
                own();
                for (int v = 0; v < d.nvcpus && v < 64; v++) if ((x.vcpumask() >>> v & 1) != 0) TlbOps.flushLocal(t, d, v);
                return null;
            }

            @Override
            public Void invlpgMulti(MmuextOp.InvlpgMulti x) {
                own();
                for (int v = 0; v < d.nvcpus && v < 64; v++) if ((x.vcpumask() >>> v & 1) != 0) TlbOps.invlpgLocal(t, d, v, x.va());
                return null;
            }

            @Override
            public Void flushCache(MmuextOp.FlushCache x) {
                own();
                if (!t.checks.cacheFlushPermitted(d.privileged)) throw Refused.of(MMUEXT_NO_CACHE_FLUSH);
                return null;
            }

            @Override public Void markSuper(MmuextOp.MarkSuper x) { throw Refused.of(MMUEXT_NO_SUPERPAGES); }
            @Override public Void unmarkSuper(MmuextOp.UnmarkSuper x) { throw Refused.of(MMUEXT_NO_SUPERPAGES); }
            @Override public Void unknown(MmuextOp.Unknown x) { throw Refused.of(MMUEXT_UNKNOWN_COMMAND); }
        });
    }

    /** {@code MMUEXT_PIN_Lx_TABLE}: take the type (validating the tree below) and keep it. */
    private static void pin(Txn t, int pg, long mfn, int level) {
        if (!PgOwners.owns(t, mfn, pg)) throw Refused.of(MMUEXT_NOT_OWNED);
        if (pg == DomId.DOMID_XEN) throw Refused.of(MMUEXT_BAD_TYPE); // the shared M2P: PGT_none, type count 1
        PageRefs.getPage(t, mfn, pg, MMUEXT_NOT_OWNED);
        int f = (int) mfn;
        typePreemptibly(t, f, level);
        for (;;) {
            long ti = t.ft.typeInfo.get(f);
            if (FrameTable.pinned(ti)) throw Refused.of(MMUEXT_ALREADY_PINNED);
            if (t.casType(f, ti, ti | FrameTable.PGT_PINNED)) break;
        }
        // A dying foreign page owner: the pin races domain_relinquish_resources and is dropped (mm.c:3609-3630).
        if (pg != t.me && !t.dom(pg).alive()) {
            t.setTypeInfo(f, t.ft.typeInfo.get(f) & ~FrameTable.PGT_PINNED);
            PageRefs.putPageAndType(t, f);
        }
    }

    /** {@code MMUEXT_UNPIN_TABLE}: drop the pin's references, devalidating on the last. */
    private static void unpin(Txn t, int pg, long mfn) {
        FrameTable ft = t.ft;
        if (!PgOwners.owns(t, mfn, pg) || !t.checks.tableOwner(ft.owner[(int) mfn], pg)) throw Refused.of(MMUEXT_NOT_OWNED);
        int f = (int) mfn;
        t.needFrame(f);
        long ti = ft.typeInfo.get(f);
        if (!FrameTable.pinned(ti)) throw Refused.of(MMUEXT_NOT_PINNED);
        t.setTypeInfo(f, ti & ~FrameTable.PGT_PINNED);
        try {
            PageRefs.putPageAndType(t, f, true);
        } catch (Preempt p) {
            // mm.c:3657-3670: old_guest_table keeps the pin's general reference; the command is done.
            t.setLong(t.dom.oldGuestTable, t.vcpu, f);
        }
    }

    /**
     * {@code get_page_type_preemptible} for a pin or a new (user) base: preempted, the reference
     * {@code get_page_from_gfn} took goes (mm.c:3581-3590); failed after taking a partial table
     * over, old_guest_table's put drops it (mm.c:3588, 3204).
     */
    private static void typePreemptibly(Txn t, int f, int level) {
        try {
            PageRefs.getPageType(t, f, level, MMUEXT_BAD_TYPE, true);
        } catch (Preempt e) {
            PageRefs.putPage(t, f);
            throw e;
        }
    }

    /** {@code MMUEXT_NEW_BASEPTR}: the vCPU runs on a new top-level table; loading it flushes the TLB. */
    private static void newBaseptr(Txn t, long mfn) {
        PageRefs.getPage(t, mfn, t.me, MMUEXT_NOT_OWNED);
        typePreemptibly(t, (int) mfn, t.hv.levels);
        Dom d = t.dom;
        long old = d.baseptr[t.vcpu];
        // fill_ro_mpt (mm.c:1729), except when reloading the current base (mm.c:3339).
        // Not with m2p_strict (mm.c:3365): the table got it at validation.
        boolean strict = (d.vars[Dom.VM_ASSIST] >>> Domain.VMASST_M2P_STRICT & 1) != 0;
        if (old != mfn && !strict && t.ft.entry((int) mfn, t.hv.config.m2pSlot()) == Pte.NONE) {
            t.setEntry((int) mfn, t.hv.config.m2pSlot(), t.hv.config.m2pEntry());
        }
        t.setLong(d.baseptr, t.vcpu, mfn);
        TlbOps.flushLocal(t, d, t.vcpu);
        if (old == Dom.NO_BASEPTR) return;
        try {
            PageRefs.putPageAndType(t, (int) old, true);
        } catch (Preempt p) {
            // mm.c:3389-3397: the old base becomes old_guest_table and the command is re-issued.
            t.setLong(d.oldGuestTable, t.vcpu, old);
            throw p;
        }
    }

    /**
     * {@code MMUEXT_NEW_USER_BASEPTR} (mm.c:3689-3745): the current one (0 when null) does nothing;
     * 0 clears; another frame takes a general and a root-type reference (preemptibly); the old
     * one's go last, preemptibly (a stopped put is old_guest_table, the command re-issued).
     */
    private static void newUserBaseptr(Txn t, long mfn) {
        Dom d = t.dom;
        long old = d.userBaseptr[t.vcpu] == Dom.NO_BASEPTR ? 0 : d.userBaseptr[t.vcpu];
        if (old == mfn) return;
        if (mfn != 0) {
            int frameOwner = t.ft.valid(mfn) ? t.ft.owner[(int) mfn] : t.me;
            PageRefs.getPage(t, mfn, t.checks.userRootOwner(frameOwner, t.me), MMUEXT_NOT_OWNED);
            typePreemptibly(t, (int) mfn, t.hv.levels); // PTF_preemptible (mm.c:3709-3720)
            // zap_ro_mpt with m2p_strict (mm.c:3723-3724): user mode does not see the M2P.
            if ((d.vars[Dom.VM_ASSIST] >>> Domain.VMASST_M2P_STRICT & 1) != 0) t.setEntry((int) mfn, t.hv.config.m2pSlot(), Pte.NONE);
        }
        t.setLong(d.userBaseptr, t.vcpu, mfn == 0 ? Dom.NO_BASEPTR : mfn);
        if (old == 0) return;
        try {
            PageRefs.putPageAndType(t, (int) old, true);
        } catch (Preempt p) {
            // mm.c:3734-3745: the old root becomes old_guest_table and the command is re-issued.
            t.setLong(d.oldGuestTable, t.vcpu, old);
            throw p;
        }
    }

    /** {@code MMUEXT_COPY_PAGE}: the source the caller's, the target the caller's and not a page table; words and data tag copied. */
    private static void copyPage(Txn t, int pg, long mfn, long src) {
        FrameTable ft = t.ft;
        if (!PgOwners.owns(t, src, pg)) throw Refused.of(MMUEXT_COPY_BAD_SOURCE);
        if (!PgOwners.owns(t, mfn, pg) || pg == DomId.DOMID_XEN || !t.checks.tableOwner(ft.owner[(int) mfn], pg)) throw Refused.of(MMUEXT_COPY_BAD_TARGET);
        int s = (int) src;
        int f = (int) mfn;
        t.needFrame(s);
        t.needFrame(f);
        long ti = ft.typeInfo.get(f);
        if (!t.checks.copyTargetWritable(FrameTable.type(ti), FrameTable.typeCount(ti))) throw Refused.of(MMUEXT_COPY_BAD_TARGET);
        if (s == f) return;
        if (ft.contents[s] == null) t.zeroContents(f);
        else for (int i = 0; i < ft.entries; i++) t.setEntry(f, i, ft.entry(s, i));
        t.setInt(ft.dataTag, f, ft.dataTag[s]);
    }

    /** {@code MMUEXT_CLEAR_PAGE}: zero a frame of the caller that is not a page table. */
    private static void clearPage(Txn t, int pg, long mfn) {
        FrameTable ft = t.ft;
        if (!PgOwners.owns(t, mfn, pg) || !t.checks.tableOwner(ft.owner[(int) mfn], pg)) throw Refused.of(MMUEXT_NOT_OWNED);
        int f = (int) mfn;
        t.needFrame(f);
        long ti = ft.typeInfo.get(f);
        if (pg == DomId.DOMID_XEN || !t.checks.clearablePage(FrameTable.type(ti), FrameTable.typeCount(ti))) throw Refused.of(MMUEXT_NOT_WRITABLE);
        t.zeroContents(f);
        t.setInt(ft.dataTag, f, FrameTable.FREE);
    }
}
