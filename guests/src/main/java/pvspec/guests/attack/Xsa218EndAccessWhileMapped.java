package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EBUSY;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.GrantEntry;

/**
 * XSA-218/224: the granter was told a grant was free while the grantee still mapped it, so the
 * frame could be reused under the mapping. While {@code GTF_reading/GTF_writing} are set the
 * granter can neither revoke the entry nor point it at another frame.
 */
public final class Xsa218EndAccessWhileMapped implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("end-access-while-mapped", "XSA-218", "grant revoked while mapped",
                "revoke (end_access) and re-point a grant while the grantee maps it writable",
                "EBUSY: the grant is in use; the mapping stays valid");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        g.granter().hp().ok(Calls.grantAccess(0, g.grantee().domid(), g.frame(), false));
        g.grantee().hp().ok(Calls.mapGrantRef(g.granter().domid(), 0, false, g.grantee().spareVa(0)));
        s.attempt(g.granter().hp(), Calls.endAccess(0), err(EBUSY));
        s.attempt(g.granter().hp(), Calls.grantAccess(0, g.grantee().domid(), g.granter().data(1), false), err(EBUSY));
        s.attempt(g.grantee().hp(), Calls.write(g.grantee().spareVa(0)), Result.OK);
        s.postcondition("the grant still names the frame and is marked in use for writing", st -> {
            GrantEntry e = st.dom(g.granter().domid()).grants().get(0);
            return e.frame() == g.frame() && (e.flags() & GrantEntry.GTF_writing) != 0;
        });
    }
}
