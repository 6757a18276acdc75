package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_bad_page;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;

/**
 * XSA-217 class (a frame changes owner while its old owner can still write it): a guest gives
 * away a data frame that its own page tables map writable, then keeps writing through the
 * mapping. Xen's {@code steal_page} refuses a frame with any reference beyond its allocation
 * (mm.c:4407-4413): the writable mapping holds one.
 */
public final class Xsa217TransferMappedFrame implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("transfer-mapped-frame", "XSA-217", "frame changes owner while writably mapped",
                "give a data frame it maps writable away with GNTTABOP_transfer, then write through the mapping",
                "GNTST_bad_page: steal_page refuses a mapped frame; the write lands in the sender's own frame");
    }

    @Override
    public void run(AttackScript s) {
        TransferredGuests g = TransferredGuests.setUp(s, false);
        long data = g.sender().data(0);
        s.attempt(g.sender().hp(), Calls.transfer(data, g.receiver().domid(), 0), gnt(GNTST_bad_page));
        s.attempt(g.sender().hp(), Calls.write(g.sender().va(data)), Result.OK);
        s.postcondition("the frame is still the sender's, and the receiver got nothing", st ->
                st.frame(data).owner() == g.sender().domid() && st.dom(g.receiver().domid()).grants().get(0).frame() == 0);
    }
}
