package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_general_error;

import pvspec.guests.hypercall.Calls;

/**
 * XSA-218 class (grant used after revocation): once the granter has ended access, the grantee
 * may no longer map the frame.
 */
public final class Xsa218MapAfterEndAccess implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("map-after-end-access", "XSA-218", "grant mapped after revoke",
                "map a grant reference after the granter revoked it with end_access",
                "GNTST_general_error: the entry no longer permits access");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        g.granter().hp().ok(Calls.grantAccess(0, g.grantee().domid(), g.frame(), false));
        g.granter().hp().ok(Calls.endAccess(0));
        s.attempt(g.grantee().hp(), Calls.mapGrantRef(g.granter().domid(), 0, false, g.grantee().spareVa(0)), gnt(GNTST_general_error));
        s.attempt(g.grantee().hp(), Calls.mapGrantRef(g.granter().domid(), 0, true, g.grantee().spareVa(0)), gnt(GNTST_general_error));
        s.postcondition("nothing is mapped", st -> st.dom(g.grantee().domid()).maptrack().isEmpty());
    }
}
