package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_general_error;

import pvspec.guests.hypercall.Calls;

/**
 * XSA-218/224 class (grant permission and accounting): a grantee maps a read-only grant
 * writable and would write the granter's memory. {@code GTF_readonly} forbids a writable map.
 */
public final class Xsa218ReadonlyGrantWritable implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("readonly-grant-mapped-writable", "XSA-218", "grant permission bypass",
                "map a grant that was offered read-only without GNTMAP_readonly",
                "GNTST_general_error: the grant is read-only");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        g.granter().hp().ok(Calls.grantAccess(0, g.grantee().domid(), g.frame(), true));
        s.attempt(g.grantee().hp(), Calls.mapGrantRef(g.granter().domid(), 0, false, g.grantee().spareVa(0)), gnt(GNTST_general_error));
        s.postcondition("the grant is not in use and nothing is mapped",
                st -> !st.dom(g.granter().domid()).grants().get(0).inUse() && st.dom(g.grantee().domid()).maptrack().isEmpty());
    }
}
