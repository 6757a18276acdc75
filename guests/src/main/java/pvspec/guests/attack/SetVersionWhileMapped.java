package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EBUSY;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.state.GrantEntry;

/**
 * A version switch clears every grant entry but the eight reserved ones (grant_table.c:3342-3344);
 * were it allowed while one of the others is mapped, the granter would get the entry back free
 * and could grant the frame anew or reuse it under the mapping (the XSA-218 outcome). Xen scans
 * for pinned entries first and refuses with EBUSY (:3250-3268). Sixteen references a table, so
 * that reference 9 is not reserved.
 */
public final class SetVersionWhileMapped implements Attack {
    private static final int REF = 9;

    @Override
    public Config config() {
        return Config.withDefaults(2, 4, 16, 3, 1, 8, 16);
    }

    @Override
    public AttackInfo info() {
        return new AttackInfo("set-version-while-mapped", "-", "grant revoked while mapped",
                "switch the grant table to v2 and back while the grantee maps reference 9 writable",
                "EBUSY both ways round; the grant still names the frame, in use for writing");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        g.granter().hp().ok(Calls.grantAccess(REF, g.grantee().domid(), g.frame(), false));
        g.grantee().hp().ok(Calls.mapGrantRef(g.granter().domid(), REF, false, g.grantee().spareVa(0)));
        s.attempt(g.granter().hp(), new GrantTableOp.SetVersion(2), err(EBUSY));
        s.attempt(g.granter().hp(), new GrantTableOp.SetVersion(1), Result.value(1)); // the same version: nothing to scan (:3247-3249)
        s.attempt(g.grantee().hp(), Calls.write(g.grantee().spareVa(0)), Result.OK);
        s.postcondition("the grant still names the frame and is marked in use for writing", st -> {
            GrantEntry e = st.dom(g.granter().domid()).grants().get(REF);
            return st.dom(g.granter().domid()).grantVersion() == 1 && e.frame() == g.frame() && (e.flags() & GrantEntry.GTF_writing) != 0;
        });
    }
}
