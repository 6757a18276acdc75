package pvspec.model.abi;

/**
 * The granter's writes to its own grant table. In Xen these are shared-memory writes that follow
 * the protocol of {@code public/grant_table.h} (a revocation is a compare-and-swap that fails
 * while the entry is in use); the model makes them explicit actions.
 */
public sealed interface GrantTableWrite extends Hypercall {

    int ref();

    /** Offer {@code frame} to domain {@code domid} through entry {@code ref} ({@code GTF_permit_access}). */
    record Grant(int ref, int domid, long frame, boolean readonly) implements GrantTableWrite {
        @Override public <R> R accept(Visitor<R> v) { return v.grant(this); }
        @Override public String kind() { return "grant"; }
    }

    /** Revoke entry {@code ref}: succeeds only while nobody maps it. */
    record EndAccess(int ref) implements GrantTableWrite {
        @Override public <R> R accept(Visitor<R> v) { return v.endAccess(this); }
        @Override public String kind() { return "end_access"; }
    }

    /**
     * Offer entry {@code ref} to receive a frame that domain {@code domid} transfers
     * ({@code GTF_accept_transfer}, frame 0: a PV receiver's frame number only feeds the M2P,
     * which the model does not keep).
     */
    record AcceptTransfer(int ref, int domid) implements GrantTableWrite {
        @Override public <R> R accept(Visitor<R> v) { return v.acceptTransfer(this); }
        @Override public String kind() { return "accept_transfer"; }
    }

    @Override
    default <R> R accept(Hypercall.Visitor<R> v) {
        return v.grantTableWrite(this);
    }

    /** Dispatch on the kind of GrantTableWrite; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of GrantTableWrite: adding a kind fails compilation wherever one is not handled. */
    interface Visitor<R> {
        R grant(Grant h);
        R endAccess(EndAccess h);
        R acceptTransfer(AcceptTransfer h);
    }
}
