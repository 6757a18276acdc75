package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_bad_page;
import static pvspec.model.abi.Gntst.GNTST_permission_denied;

import pvspec.model.abi.DomId;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.state.Frame;

/**
 * A copy may name a frame (not a grant reference) only as the caller's own, with DOMID_SELF
 * ({@code gnttab_copy_lock_domain}, grant_table.c:2928-2931; even the caller's numeric id is
 * refused), and the frame must then be the caller's ({@code get_paged_frame}, :3034-3041).
 * Otherwise any guest could read or write any other guest's memory through the hypervisor.
 */
public final class GrantCopyForeignFrame implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("grant-copy-foreign-frame", "-", "cross-domain memory access",
                "copy out of and into another domain's frame, naming it as that domain's and as the caller's own",
                "GNTST_permission_denied for a frame named with a domain id, GNTST_bad_page for another's frame as DOMID_SELF");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        Guest me = g.grantee();
        long theirs = g.frame();
        int other = g.granter().domid();
        Frame before = s.state().frame(theirs);
        s.attempt(me.hp(), Copies.frameOf(other, theirs, me.data(0), 8), gnt(GNTST_permission_denied));
        s.attempt(me.hp(), Copies.frameOf(me.domid(), me.data(1), me.data(0), 8), gnt(GNTST_permission_denied));
        s.attempt(me.hp(), Copies.frames(theirs, me.data(0), 0, 8), gnt(GNTST_bad_page));
        s.attempt(me.hp(), new GrantTableOp.Copy(0, me.data(0), DomId.DOMID_SELF, 0, theirs, other, 0, 8), gnt(GNTST_permission_denied));
        s.attempt(me.hp(), Copies.frames(me.data(0), theirs, 0, 8), gnt(GNTST_bad_page));
        s.postcondition("the other domain's frame is untouched", st -> st.frame(theirs).contents().equals(before.contents())
                && st.frame(theirs).dataTag() == before.dataTag());
    }
}
