package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_bad_page;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;

/**
 * A granter gives away the frame a grantee maps writable through its grant (here to the grantee
 * itself, the only other guest; a third domain would be no different): the grant mapping would
 * outlive the frame's change of owner. The grant mapping holds references to the frame, so Xen's
 * {@code steal_page} refuses it (mm.c:4407-4413); the mapping stays the granter's frame.
 */
public final class TransferGrantMappedFrame implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("transfer-grant-mapped-frame", "XSA-217", "frame changes owner under a grant mapping",
                "grant a frame, let the grantee map it writable, give the frame away with GNTTABOP_transfer",
                "GNTST_bad_page: the grant mapping's references make steal_page refuse");
    }

    @Override
    public void run(AttackScript s) {
        TransferredGuests g = TransferredGuests.setUp(s, false);
        Guest grantee = g.receiver();
        long frame = g.spare();
        g.sender().hp().ok(Calls.grantAccess(1, grantee.domid(), frame, false));
        s.attempt(grantee.hp(), Calls.mapGrantRef(g.sender().domid(), 1, false, grantee.spareVa(0)), Result.value(0));
        s.attempt(g.sender().hp(), Calls.transfer(frame, g.receiver().domid(), 0), gnt(GNTST_bad_page));
        s.postcondition("the mapped frame is still the granter's", st -> st.frame(frame).owner() == g.sender().domid());
    }
}
