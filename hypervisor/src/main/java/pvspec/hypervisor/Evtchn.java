package pvspec.hypervisor;

/**
 * An event-channel port ({@code struct evtchn} plus its shared pending and mask bits) packed in
 * one long: the binding's state ({@code ECS_*}), two state arguments (remote domain and port, or
 * the VIRQ), the notified vCPU, pending, masked.
 */
final class Evtchn {
    private Evtchn() {}

    static final int ECS_FREE = 0;
    static final int ECS_RESERVED = 1;
    static final int ECS_UNBOUND = 2;
    static final int ECS_INTERDOMAIN = 3;
    static final int ECS_VIRQ = 4;
    static final int ECS_IPI = 5;

    private static final long PENDING = 1L << 60;
    private static final long MASKED = 1L << 61;

    /** Port 0 at domain creation. */
    static final long RESERVED = make(ECS_RESERVED, 0, 0, false, false, 0);

    static long make(int state, int a, int b, boolean pending, boolean masked, int notify) {
        return (a & 0xFFFF_FFFFL) | (long) (b & 0xFFFF) << 32 | (long) (notify & 0xFF) << 48
                | (long) state << 56 | (pending ? PENDING : 0) | (masked ? MASKED : 0);
    }

    static int state(long w) {
        return (int) (w >>> 56) & 7;
    }

    /** Remote domain (unbound, interdomain) or VIRQ. */
    static int a(long w) {
        return (int) w;
    }

    /** Remote port (interdomain). */
    static int b(long w) {
        return (int) (w >>> 32) & 0xFFFF;
    }

    static int notify(long w) {
        return (int) (w >>> 48) & 0xFF;
    }

    static boolean pending(long w) {
        return (w & PENDING) != 0;
    }

    static boolean masked(long w) {
        return (w & MASKED) != 0;
    }

    static long withPending(long w, boolean p) {
        return p ? w | PENDING : w & ~PENDING;
    }

    static long withMasked(long w, boolean m) {
        return m ? w | MASKED : w & ~MASKED;
    }

    /** A new binding; pending, mask and notified vCPU kept. */
    static long withState(long w, int state, int a, int b) {
        return make(state, a, b, pending(w), masked(w), notify(w));
    }

    /** Whether the port makes an upcall to its vCPU: pending and not masked. */
    static boolean signals(long w) {
        return (w & (PENDING | MASKED)) == PENDING;
    }

    /** The port freed by {@code evtchn_close}: only the guest's mask bit survives. */
    static long closed(long w) {
        return make(ECS_FREE, 0, 0, false, masked(w), 0);
    }
}
