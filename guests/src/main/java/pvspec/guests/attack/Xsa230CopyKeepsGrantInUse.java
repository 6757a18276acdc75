package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Gntst.GNTST_general_error;
import static pvspec.model.abi.Gntst.GNTST_okay;

import pvspec.guests.hypercall.Calls;
import pvspec.model.state.GrantEntry;

/**
 * XSA-230: a copy pins a grant for the time of the copy and its release cleared
 * {@code GTF_reading}/{@code GTF_writing} while a mapping of the same grant still needed them;
 * the granter could then revoke (and reuse) a mapped frame. Xen now lowers each flag only when
 * no pin of its kind is left ({@code reduce_status_for_pin}, called by
 * {@code release_grant_for_copy}, grant_table.c:2531-2590). The grantee maps a read-only grant,
 * copies out of it and tries to copy into it; the granter's revocation must still fail.
 */
public final class Xsa230CopyKeepsGrantInUse implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("copy-keeps-grant-in-use", "XSA-230", "grant revoked while mapped",
                "map a read-only grant, copy out of it and into it, then let the granter revoke it",
                "the copy out succeeds, the copy in is GNTST_general_error (read-only grant), end_access is EBUSY: the mapping keeps GTF_reading");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        Guest me = g.grantee();
        int granter = g.granter().domid();
        g.granter().hp().ok(Calls.grantAccess(0, me.domid(), g.frame(), true));
        me.hp().ok(Calls.mapGrantRef(granter, 0, true, me.spareVa(0)));
        s.attempt(me.hp(), Copies.fromGrant(granter, 0, me.data(0), 8), gnt(GNTST_okay));
        s.attempt(me.hp(), Copies.toGrant(me.data(0), granter, 0, 8), gnt(GNTST_general_error));
        s.attempt(g.granter().hp(), Calls.endAccess(0), err(EBUSY));
        s.postcondition("the grant is still in use for reading, not for writing", st -> {
            GrantEntry e = st.dom(granter).grants().get(0);
            return (e.flags() & GrantEntry.GTF_reading) != 0 && (e.flags() & GrantEntry.GTF_writing) == 0 && e.frame() == g.frame();
        });
    }
}
