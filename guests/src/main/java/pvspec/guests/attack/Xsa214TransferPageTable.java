package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_bad_page;

import pvspec.guests.hypercall.Calls;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;

/**
 * XSA-214 class (a frame changes owner with its type): a guest gives away one of its own L1
 * tables, validated and in use, to a domain that accepts a transfer from it. The receiver would
 * own a page table it never validated while the sender's L2 still points to it. Xen's
 * {@code steal_page} takes only a frame whose allocation is its only reference
 * (mm.c:4407-4413): the table's type and its L2 entry hold references, so it refuses.
 */
public final class Xsa214TransferPageTable implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("transfer-page-table", "XSA-214", "frame changes owner with its type",
                "give a validated L1 table away with GNTTABOP_transfer to a domain that accepts it",
                "GNTST_bad_page: steal_page refuses a frame referenced beyond its allocation");
    }

    @Override
    public void run(AttackScript s) {
        TransferredGuests g = TransferredGuests.setUp(s, false);
        long table = g.sender().l1(0);
        s.attempt(g.sender().hp(), Calls.transfer(table, g.receiver().domid(), 0), gnt(GNTST_bad_page));
        s.postcondition("the table is still the sender's, a validated L1; the entry still waits", st -> {
            Frame f = st.frame(table);
            return f.owner() == g.sender().domid() && f.type() == PageType.L1 && f.typeCount() > 0
                    && st.dom(g.receiver().domid()).grants().get(0).frame() == 0;
        });
    }
}
