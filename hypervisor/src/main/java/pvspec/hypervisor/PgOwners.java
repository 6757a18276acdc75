package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.MMU_FOREIGN_IS_SELF;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UNKNOWN;

import pvspec.model.abi.DomId;

/**
 * {@code get_pg_owner} and what is asked of the page owner it returns: shared by
 * {@code mmu_update}, {@code mmuext_op} and {@code update_va_mapping_otherdomain}.
 */
final class PgOwners {
    private PgOwners() {}

    /** The page owner {@code domid} names: the caller for DOMID_SELF, dom_io, dom_xen, or an existing domain. */
    static int of(Txn t, int domid) {
        if (domid == t.me) throw Refused.of(MMU_FOREIGN_IS_SELF);
        if (domid == DomId.DOMID_SELF) return t.me;
        if (domid != DomId.DOMID_IO && domid != DomId.DOMID_XEN && t.dom(domid) == null) throw Refused.of(MMU_FOREIGN_UNKNOWN);
        return domid;
    }

    /** XSM_TARGET: the caller itself or the control domain. */
    static boolean xsmTarget(Txn t, int target) {
        return target == t.me || t.checks.foreignMappingPermitted(t.dom.privileged);
    }

    /** A reference to {@code mfn} could be taken for {@code pg}: nothing is dom_io's; of dom_xen's only the shared M2P. */
    static boolean owns(Txn t, long mfn, int pg) {
        FrameTable ft = t.ft;
        if (!ft.valid(mfn) || pg == DomId.DOMID_IO) return false;
        if (pg == DomId.DOMID_XEN) return mfn == t.hv.config.m2pFrame();
        int f = (int) mfn; // owner[f] == pg: pg is the caller or a locked target (the lock plan)
        return ft.owner[f] == pg && FrameTable.count(ft.countInfo.get(f)) > 0;
    }
}
