package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.MMU_BAD_PTR;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_IS_SELF;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UNKNOWN;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UPPER;
import static pvspec.model.abi.check.Check.MMU_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMU_PARTIAL_TABLE;

import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Result;

/**
 * {@code do_mmu_update}: entries of the caller's validated tables change through
 * {@link EntryOps#modEntry}; a frame that is not a page table is ordinary memory, written as is.
 * Requests run in order, each atomically, until the first refused one.
 */
final class MmuUpdateOps {
    private MmuUpdateOps() {}


    static Result apply(Txn t, MmuUpdate h) {
        OldGuest.put(t, t.vcpu, false); // first, whatever the arguments (mm.c:4003)
        int pgOwner;
        try {
            pgOwner = pageOwner(t, h.foreigndom());
        } catch (Refused r) {
            t.batchStoppedBy = r.check; // the deferred put stays done
            return new Result.Partial(r.check.errno(), 0);
        }
        List<MmuUpdate.Request> rs = h.requests();
        int n = rs.size();
        for (int done = 0; done < n; done++) {
            long mark = t.mark();
            try {
                update(t, pgOwner, rs.get(done));
            } catch (Refused r) {
                t.rollback(mark);
                t.batchStoppedBy = r.check;
                return new Result.Partial(r.check.errno(), done);
            }
        }
        return Result.OK;
    }

    /** {@code get_pg_owner}: whose frames the L1 entries of this call may map. */
    private static int pageOwner(Txn t, int foreigndom) {
        if (foreigndom == DomId.DOMID_SELF) return t.me;
        if (foreigndom == t.me) throw Refused.of(MMU_FOREIGN_IS_SELF);
        // dom_io and dom_xen always exist; another domain is found while it exists, dying or not.
        boolean exists = foreigndom == DomId.DOMID_IO || foreigndom == DomId.DOMID_XEN || t.dom(foreigndom) != null;
        if (!exists) throw Refused.of(MMU_FOREIGN_UNKNOWN);
        return foreigndom;
    }

    private static void update(Txn t, int pgOwner, MmuUpdate.Request r) {
        // xsm_mmu_update runs in the loop (mm.c:4087): an empty foreign batch succeeds.
        // It does not look at dom_io (xsm/dummy.h:681).
        if (pgOwner != t.me && pgOwner != DomId.DOMID_IO && !t.checks.foreignMappingPermitted(t.dom.privileged)) throw Refused.of(MMU_FOREIGN_NOT_PRIVILEGED);
        long mfn = r.mfn();
        long index = r.index();
        FrameTable ft = t.ft;
        if (!ft.valid(mfn) || index < 0 || index >= ft.entries) throw Refused.of(MMU_BAD_PTR);
        int table = (int) mfn;
        if (!t.checks.tableOwner(ft.owner[table], t.me)) throw Refused.of(MMU_NOT_OWNED);
        long ti = ft.typeInfo.get(table);
        if (FrameTable.partial(ti) && t.checks.partialTableLocked()) throw Refused.of(MMU_PARTIAL_TABLE);
        if (!FrameTable.isTable(ti)) {
            t.setEntry(table, (int) index, r.val());
            return;
        }
        int level = FrameTable.type(ti);
        if (level != 1 && pgOwner != t.me) throw Refused.of(MMU_FOREIGN_UPPER);
        EntryOps.modEntry(t, table, level, (int) index, r.val(), pgOwner);
        // XSA-286: Xen flushes after the loop; nothing in a batch fills a TLB, so now is the same.
        if (level > 1 && t.checks.flushAfterUpperUpdate()) TlbOps.flushAll(t, t.dom);
    }
}
