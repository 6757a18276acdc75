package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Gntst.GNTST_eagain;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.GrantEntry;

/**
 * A granter swaps the entry a grantee maps with another of its entries
 * ({@code GNTTABOP_swap_grant_ref}): the mapping's entry would then name another frame and no
 * longer show it in use, and the granter could revoke it under the live mapping (the XSA-218
 * class through the back door). Xen refuses to swap a pinned entry on either side
 * ({@code swap_grant_ref}, grant_table.c:3521-3535: GNTST_eagain), so the revoke stays EBUSY.
 */
public final class SwapMappedGrant implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("swap-mapped-grant", "-", "grant retargeted under a live mapping",
                "swap the grant entry a grantee maps writable with another entry (as ref_a, then as ref_b), then revoke it",
                "GNTST_eagain: the mapped entry is pinned; the revoke is EBUSY and the mapping stays valid");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        int grantee = g.grantee().domid();
        g.granter().hp().ok(Calls.grantAccess(0, grantee, g.frame(), false));
        g.granter().hp().ok(Calls.grantAccess(1, grantee, g.granter().data(1), true));
        s.attempt(g.grantee().hp(), Calls.mapGrantRef(g.granter().domid(), 0, false, g.grantee().spareVa(0)), Result.value(0));
        s.attempt(g.granter().hp(), Calls.swapGrantRef(0, 1), gnt(GNTST_eagain));
        s.attempt(g.granter().hp(), Calls.swapGrantRef(1, 0), gnt(GNTST_eagain));
        s.attempt(g.granter().hp(), Calls.endAccess(0), err(EBUSY));
        s.postcondition("the mapped entry still names the frame and is marked in use for writing", st -> {
            GrantEntry e = st.dom(g.granter().domid()).grants().get(0);
            return e.frame() == g.frame() && e.domid() == grantee && (e.flags() & GrantEntry.GTF_writing) != 0;
        });
    }
}
