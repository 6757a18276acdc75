package pvspec.verification.jpf;

import pvspec.hypervisor.Checks;

/**
 * Seeded concurrency bugs for the concurrent-vCPU harness, each a {@link Checks} with one method
 * overridden, like the hypervisor's sequential seeded-bug catalogue. Harness 1 must find each
 * under JPF (the {@code jpf} profile runs them, expecting the error); runs without interleavings
 * cannot.
 */
public final class SeededRaces {
    private SeededRaces() {}

    /** Xen's checks and locking. */
    public static final String NONE = "none";

    /**
     * A hypercall locks only its caller's domain: {@code map_grant_ref} reads and updates the
     * granter's grant entry, and event-channel operations the peer's port, without the other
     * domain's lock — a check-then-act across domains. The effect of XSA-218: a grant the
     * granter was told is free (its {@code end_access} succeeded) ends up mapped by the grantee.
     */
    public static final String PEER_UNLOCKED = "peer-unlocked";

    /**
     * A hypercall that finds it needs another domain's lock always waits for it, even against the
     * lock order (instead of trying it and retrying with the larger set): two domains sending on
     * the event channel between them each hold their own lock and wait for the other's.
     */
    public static final String WAITS_OUT_OF_ORDER = "waits-out-of-order";

    /**
     * A TLB fill sets its domain's bit in the frame's shared word of TLB holders by a plain read
     * and write instead of an atomic update — a check-then-act without CAS. Two domains filling at
     * once lose a bit, and the flush when the grant is unmapped (or the frame retyped as a page
     * table) misses that domain's translation: the grantee keeps access to a frame it gave back.
     */
    public static final String TLB_HOLDER_PLAIN = "tlb-holder-plain";

    public static String[] names() {
        return new String[] {NONE, PEER_UNLOCKED, WAITS_OUT_OF_ORDER, TLB_HOLDER_PLAIN};
    }

    public static Checks checks(String name) {
        if (name.equals(NONE)) return new Checks();
        if (name.equals(PEER_UNLOCKED)) {
            return new Checks() {
                @Override
                public boolean locksDomain(int caller, int domain) {
                    return domain == caller;
                }
            };
        }
        if (name.equals(WAITS_OUT_OF_ORDER)) {
            return new Checks() {
                @Override
                public boolean waitsForLock(boolean inOrder) {
                    return true;
                }
            };
        }
        if (name.equals(TLB_HOLDER_PLAIN)) {
            return new Checks() {
                @Override
                public boolean setsTlbHolderAtomically() {
                    return false;
                }
            };
        }
        throw new IllegalArgumentException("no seeded race " + name);
    }
}
