package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MMU_FOREIGN_IS_SELF;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UNKNOWN;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/**
 * The foreign page owner of {@code mmu_update}, {@code mmuext_op} and
 * {@code update_va_mapping_otherdomain}, and the checks made against it: written once, for the
 * three hypercalls that share Xen's {@code get_pg_owner}.
 */
final class PgOwner {
    private PgOwner() {}

    /**
     * {@code get_pg_owner} (common/page_alloc.c:2930-2958): the caller's own id is refused (it
     * must say DOMID_SELF, which {@code rcu_lock_domain_by_any_id} resolves, :2950); DOMID_IO and
     * DOMID_XEN name dom_io and dom_xen, which always exist (:2942-2948); any other id must name a
     * domain, dying or not.
     */
    static int of(State s, Caller c, int domid) {
        require(domid != c.domain(), MMU_FOREIGN_IS_SELF);
        if (domid == DomId.DOMID_SELF) return c.domain();
        boolean exists = domid == DomId.DOMID_IO || domid == DomId.DOMID_XEN || s.domains().containsKey(domid);
        require(exists, MMU_FOREIGN_UNKNOWN);
        return domid;
    }

    /**
     * {@code xsm_default_action(XSM_TARGET, current, target)} (xsm/dummy.h:78-105): a domain
     * acts on itself, the control domain on any (pvspec has no device-model targets).
     */
    static boolean xsmTarget(State s, Caller c, int target) {
        return target == c.domain() || s.dom(c.domain()).privileged();
    }

    /**
     * {@code get_page(page, pgOwner)} would succeed ({@code get_page_from_mfn}): the frame is
     * allocated to {@code pgOwner}. No frame is dom_io's; of dom_xen's frames only the shared
     * read-only M2P carries a reference to take (mm.c:871, {@code share_xen_page_with_guest}).
     */
    static boolean owns(State s, long mfn, int pgOwner) {
        if (!s.validMfn(mfn) || pgOwner == DomId.DOMID_IO) return false;
        if (pgOwner == DomId.DOMID_XEN) return mfn == s.config().m2pFrame();
        Frame f = s.frame(mfn);
        return f.owner() == pgOwner && f.count() > 0;
    }

    /**
     * Whether {@code pgOwner}'s frames are dom_xen's shared M2P, whose type Xen fixes at
     * {@code PGT_none} with a type count of 1 ({@code share_xen_page_with_guest}, SHARE_ro, mm.c:492-495): no
     * table or writable type can be taken of it (the model keeps Xen's frames untyped).
     */
    static boolean sharedXenFrame(int pgOwner) {
        return pgOwner == DomId.DOMID_XEN;
    }
}
