package pvspec.guests.attack;

import pvspec.guests.hypercall.Calls;

/**
 * The set-up the grant-transfer attacks share: a sender with an address space and one spare frame
 * it has neither mapped nor typed, and a receiver whose entry 0 accepts a transfer from the sender
 * ({@code GTF_accept_transfer}). The receiver holds its {@code max_pages} when {@code full}.
 */
record TransferredGuests(Guest sender, Guest receiver) {
    static TransferredGuests setUp(AttackScript s, boolean full) {
        Guest sender = s.guest(6, 0, 1);
        Guest receiver = s.guest(5, 1); // created with max_pages = its 5 frames
        if (!full) s.dom0().ok(new pvspec.model.abi.Domctl.MaxMem(receiver.domid(), 6));
        receiver.hp().ok(Calls.acceptTransfer(0, sender.domid()));
        return new TransferredGuests(sender, receiver);
    }

    /** The sender's frame that nothing uses: the only kind steal_page lets go. */
    long spare() {
        return sender.extra().get(0);
    }
}
