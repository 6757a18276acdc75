package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.GNTTAB_QUERY_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_QUERY_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_BAD_VIRT_ADDR;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_FRAME_LIST_NOT_GUEST;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_TOO_MANY_FRAMES;

import pvspec.model.abi.DomId;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;

/**
 * {@code GNTTABOP_setup_table} and {@code GNTTABOP_query_size}: a grant table's frames. The
 * arrays of {@link Dom} hold the largest table; {@link Dom#GRANT_FRAMES} says how many frames of
 * it exist, and growing it only raises that count (the entries beyond were never written).
 */
final class GrantSizeOps {
    private GrantSizeOps() {}

    /**
     * {@code gnttab_setup_table}: the frame list's start ({@code guest_handle_okay}), the domain,
     * XSM_TARGET, {@code max_grant_frames}, the growth, then one 8-byte frame number a frame to
     * the list through the caller's page tables ({@link GuestCopy}); a fault stops there, the
     * growth and the numbers before it staying.
     */
    static Result setup(Txn t, GrantTableOp.SetupTable h) {
        if (!GuestCopy.handleOkay(t, h.frameList())) throw Refused.of(GNTTAB_SETUP_FRAME_LIST_NOT_GUEST);
        Dom d = target(t, h.dom(), GNTTAB_SETUP_BAD_DOMAIN, GNTTAB_SETUP_NOT_PERMITTED);
        long nr = h.nrFrames() & 0xFFFFFFFFL;
        int max = t.hv.config.grantFrames();
        if (nr > max) throw Refused.of(GNTTAB_SETUP_TOO_MANY_FRAMES);
        if (nr > d.vars[Dom.GRANT_FRAMES]) t.setLong(d.vars, Dom.GRANT_FRAMES, nr);
        if (!GuestCopy.frameNumbers(t, h.frameList(), nr)) {
            t.batchStoppedBy = GNTTAB_SETUP_BAD_VIRT_ADDR; // what was grown and written stays
            return GNTTAB_SETUP_BAD_VIRT_ADDR.result();
        }
        return Result.gnt(Gntst.GNTST_okay);
    }

    /** {@code gnttab_query_size}. */
    static Result query(Txn t, GrantTableOp.QuerySize h) {
        Dom d = target(t, h.dom(), GNTTAB_QUERY_BAD_DOMAIN, GNTTAB_QUERY_NOT_PERMITTED);
        return new Result.GntSize((int) d.vars[Dom.GRANT_FRAMES], t.hv.config.grantFrames());
    }

    /** {@code rcu_lock_domain_by_any_id}, then XSM_TARGET: the caller's own, or a privileged caller. */
    static Dom target(Txn t, int domid, Check noDomain, Check notPermitted) {
        int id = domid & 0xFFFF;
        Dom d = t.dom(id == DomId.DOMID_SELF ? t.me : id);
        if (d == null) throw Refused.of(noDomain);
        if (d != t.dom && !t.dom.privileged) throw Refused.of(notPermitted);
        return d;
    }
}
