package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_general_error;

import pvspec.guests.hypercall.Calls;
import pvspec.model.state.Frame;

/**
 * A sender pushes a frame onto a receiver that already holds its {@code max_pages} (the toolstack's
 * memory limit), through an entry that accepts it. Xen refuses when {@code domain_tot_pages(e) >=
 * e->max_pages} (grant_table.c:2412-2414) — after {@code steal_page} has taken the frame, which it
 * then frees (grant_table.c:2370-2377): the sender loses it, scrubbed, and the receiver's limit
 * holds.
 */
public final class TransferOverMaxPages implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("transfer-over-max-pages", "-", "memory limit of another domain exceeded",
                "give a spare frame with GNTTABOP_transfer to a domain that holds its max_pages and accepts it",
                "GNTST_general_error: no headroom; the stolen frame is freed, scrubbed");
    }

    @Override
    public void run(AttackScript s) {
        TransferredGuests g = TransferredGuests.setUp(s, true);
        long frame = g.spare();
        s.attempt(g.sender().hp(), Calls.transfer(frame, g.receiver().domid(), 0), gnt(GNTST_general_error));
        s.postcondition("the receiver holds no more than its max_pages; the frame is free and scrubbed", st -> {
            long owned = st.frames().stream().filter(f -> f.owner() == g.receiver().domid()).count();
            Frame f = st.frame(frame);
            return owned <= st.dom(g.receiver().domid()).maxPages() && f.isFree() && f.contents().isZero();
        });
    }
}
