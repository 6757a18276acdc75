package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.MMU_BAD_PTR;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UPPER;
import static pvspec.model.abi.check.Check.MMU_MACHPHYS_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMU_MACHPHYS_PT_OWNER;
import static pvspec.model.abi.check.Check.MMU_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMU_PARTIAL_TABLE;
import static pvspec.model.abi.check.Check.MMU_PT_OWNER_UNKNOWN;
import static pvspec.model.abi.check.Check.MMU_SEG_DESC_PAGE;
import static pvspec.model.abi.check.Check.MMU_UNKNOWN_CMD;

import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Pte;
import pvspec.model.abi.Result;

/**
 * {@code do_mmu_update}: entries of the page-table owner's validated tables change through
 * {@link EntryOps#modEntry}; a frame that is not a page table is ordinary memory, written as is;
 * an M2P update only checks who may make it (the M2P's contents are not kept, as in the model).
 * Requests run in order, each atomically, until the first refused one.
 */
final class MmuUpdateOps {
    private MmuUpdateOps() {}


    /**
     * {@code do_mmu_update} (mm.c:3992-4360): the vCPU's deferred put first (preempted: the call is
     * re-issued as it was); before every request but the first, a pending deferred put or the
     * preemption check stops the loop; an L3/L4 write preempted in its new child's validation
     * stops it before that request. A replaced L2..L4 entry's table is put by the continuation
     * Xen makes for it, run at once (its loop starts at 0: no check before the next request);
     * preempted, the guest re-issues the rest with the put pending.
     */
    static Result apply(Txn t, MmuUpdate h) {
        int preempt = h.preempt();
        if (preempt > 0) t.preemptAt(preempt); // a fresh Txn has none
        try {
            OldGuest.put(t, t.vcpu, preempt > 0 && t.checks.mmuUpdatePutPreemptible()); // first, whatever the arguments (mm.c:4003)
        } catch (Preempt p) {
            return new Result.Restart(0);
        }
        int pt = t.me;
        int pg;
        try {
            int ptDom = h.ptDom();
            if (ptDom != 0) { // rcu_lock_domain_by_id(pt_dom - 1): no DOMID_SELF, dying domains found
                pt = ptDom - 1;
                if (t.dom(pt) == null) throw Refused.of(MMU_PT_OWNER_UNKNOWN);
            }
            pg = PgOwners.of(t, h.pgDom());
        } catch (Refused r) {
            t.batchStoppedBy = r.check; // the deferred put stays done
            return new Result.Partial(r.check.errno(), 0);
        }
        List<MmuUpdate.Request> rs = h.requests();
        int n = rs.size();
        int deferred = -1;
        for (int done = 0; done < n; done++) {
            // mm.c:4059: no deferred put is pending here (the one at the start is done, a stopped one
            // returned at once), so only the preemption check can stop the loop.
            if (preempt > 0 && done > 0 && deferred < 0 && t.preemptCheck()) return new Result.Restart(t.checks.mmuUpdateRestartAt(done));
            long mark = t.mark();
            try {
                MmuUpdate.Request r = rs.get(done);
                if (r.cmd() == MmuUpdate.MACHPHYS_UPDATE) {
                    machphys(t, pt, pg, r.mfn());
                    deferred = -1;
                } else {
                    deferred = update(t, pt, pg, r);
                }
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
            if (deferred < 0) continue;
            try {
                PageRefs.putPageAndType(t, deferred, true); // put_old_guest_table, not partial (mm.c:3182-3204)
            } catch (Preempt p) {
                t.setLong(t.dom.oldGuestTable, t.vcpu, deferred); // it keeps the put's general reference
                return new Result.Restart(done + 1);
            }
        }
        return Result.OK;
    }

    /** xsm_mmu_update (xsm/dummy.h:675): the page owner unless dom_io, then the table owner if given (ptOrNone < 0: none). */
    private static void xsm(Txn t, int ptOrNone, int pg) {
        if (pg != DomId.DOMID_IO && !PgOwners.xsmTarget(t, pg)) throw Refused.of(MMU_FOREIGN_NOT_PRIVILEGED);
        if (ptOrNone >= 0 && !PgOwners.xsmTarget(t, ptOrNone)) throw Refused.of(MMU_FOREIGN_NOT_PRIVILEGED);
    }

    /** One page-table update; returns the table whose put it deferred, or -1. */
    private static int update(Txn t, int pt, int pg, MmuUpdate.Request r) {
        if (r.cmd() > MmuUpdate.PT_UPDATE_NO_TRANSLATE || r.cmd() < 0) throw Refused.of(MMU_UNKNOWN_CMD);
        xsm(t, pt, pg);
        long mfn = r.mfn();
        long index = r.index();
        FrameTable ft = t.ft;
        if (!ft.valid(mfn) || index < 0 || index >= ft.entries) throw Refused.of(MMU_BAD_PTR);
        int table = (int) mfn;
        if (!t.checks.tableOwner(ft.owner[table], pt)) throw Refused.of(MMU_NOT_OWNED);
        long ti = ft.typeInfo.get(table);
        if (FrameTable.partial(ti) && t.checks.partialTableLocked()) throw Refused.of(MMU_PARTIAL_TABLE);
        // A typed descriptor page: page_lock succeeds and the type switch has no case for it (mm.c:4139-4200).
        if (FrameTable.typeCount(ti) > 0 && FrameTable.type(ti) == FrameTable.SEG_DESC) throw Refused.of(MMU_SEG_DESC_PAGE);
        if (!FrameTable.isTable(ti)) {
            t.setEntry(table, (int) index, r.val());
            return -1;
        }
        int level = FrameTable.type(ti);
        if (level != 1 && pg != pt) throw Refused.of(MMU_FOREIGN_UPPER);
        long before = ft.entry(table, (int) index);
        long old = EntryOps.modEntryKeepingOld(t, table, level, (int) index, r.val(), pg, true);
        // PRESERVE_AD (pv/mm.h:update_intpte): the stored entry keeps the old one's A and D bits.
        if (r.cmd() == MmuUpdate.PT_UPDATE_PRESERVE_AD) t.setEntry(table, (int) index, ft.entry(table, (int) index) | before & Pte.AD);
        if (level == 1) {
            PageRefs.putFromL1e(t, old, table); // mod_l1_entry: at once (mm.c:2258)
            return -1;
        }
        int deferred = PageRefs.deferFromUpper(t, old, table, level); // PTF_defer (mm.c:2318, 2381, 2443)
        // XSA-286: Xen flushes after the loop; nothing in a batch fills a TLB, so now is the same.
        if (t.checks.flushAfterUpperUpdate()) TlbOps.flushAll(t, t.dom(pt));
        return deferred;
    }

    /** MMU_MACHPHYS_UPDATE (mm.c:4216-4254): the caller's own tables only, XSM, then the frame must be the page owner's (XSA-113). */
    private static void machphys(Txn t, int pt, int pg, long mfn) {
        if (pt != t.me) throw Refused.of(MMU_MACHPHYS_PT_OWNER);
        xsm(t, -1, pg);
        if (!t.checks.machphysFrameOwned(PgOwners.owns(t, mfn, pg))) throw Refused.of(MMU_MACHPHYS_NOT_OWNED);
    }
}
