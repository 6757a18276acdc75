package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_general_error;

import pvspec.guests.hypercall.Calls;
import pvspec.model.state.Words;

/**
 * {@code GNTTABOP_copy} writes guest memory with the hypervisor's hand: its destination must take
 * the writable type ({@code gnttab_copy_claim_buf}, grant_table.c:3048-3059), which a validated
 * page table cannot. Were it skipped, a guest would copy its top-level table (whose entry maps the
 * L1 writable) over its own L1, making the L1 map itself writable behind validation; or a granter
 * would offer its L1 and let a peer do it. The source is only read: copying out of a table is fine.
 */
public final class GrantCopyIntoPageTable implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("grant-copy-into-page-table", "-", "page-table write behind validation",
                "copy the top-level table over the guest's own L1 (by frame), and into a peer's L1 it granted (by grant reference)",
                "GNTST_general_error: the destination cannot take the writable type; both L1s are unchanged");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        Guest me = g.grantee();
        int len = 8 * s.config().entries();
        Words mine = s.state().frame(me.l1(0)).contents();
        Words theirs = s.state().frame(g.granter().l1(0)).contents();
        s.attempt(me.hp(), Copies.frames(me.top(), me.l1(0), 0, len), gnt(GNTST_general_error));
        g.granter().hp().ok(Calls.grantAccess(0, me.domid(), g.granter().l1(0), false));
        s.attempt(me.hp(), Copies.toGrant(me.top(), g.granter().domid(), 0, len), gnt(GNTST_general_error));
        s.postcondition("both L1s hold the entries they validated and are still L1 tables", st ->
                st.frame(me.l1(0)).contents().equals(mine) && st.frame(me.l1(0)).isTable(1)
                        && st.frame(g.granter().l1(0)).contents().equals(theirs) && st.frame(g.granter().l1(0)).isTable(1));
    }
}
