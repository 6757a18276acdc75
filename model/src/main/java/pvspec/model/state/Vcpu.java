package pvspec.model.state;

import java.util.Optional;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/**
 * A virtual CPU.
 *
 * @param baseptr the top-level table it runs on ({@link #NO_BASEPTR} before the first
 *     {@code NEW_BASEPTR}); it holds a general and a type reference
 * @param blocked it is waiting for an event ({@code SCHEDOP_block})
 * @param upcallPending an event is waiting for it: some unmasked pending port notifies it
 * @param tlb cached translations, by virtual page
 * @param lastTrap the last exception or interrupt delivered to its kernel
 * @param userBaseptr the top-level table its user mode runs on (Xen's {@code guest_table_user},
 *     set by {@code MMUEXT_NEW_USER_BASEPTR}; {@link #NO_BASEPTR} when null); it holds a general and
 *     a type reference, as the kernel's does
 * @param userMode it runs in guest user mode (Xen's {@code TF_kernel_mode} clear): its walks start
 *     at {@code userBaseptr}. {@code HYPERVISOR_iret} to a ring-3 frame sets it; an entry into the
 *     guest kernel (a bounce, a kernel-mode request) clears it
 */
public record Vcpu(long baseptr, boolean blocked, boolean upcallPending, PSortedMap<Long, TlbEntry> tlb,
                   Optional<TrapBounce> lastTrap, long userBaseptr, boolean userMode) {

    public static final long NO_BASEPTR = -1;

    public static final Vcpu INITIAL = new Vcpu(NO_BASEPTR, false, false, TreePMap.empty(), Optional.empty(), NO_BASEPTR, false);

    public boolean hasBaseptr() {
        return baseptr != NO_BASEPTR;
    }

    public Vcpu withBaseptr(long b) {
        return new Vcpu(b, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode);
    }

    public Vcpu withBlocked(boolean b) {
        return new Vcpu(baseptr, b, upcallPending, tlb, lastTrap, userBaseptr, userMode);
    }

    public Vcpu withUpcallPending(boolean u) {
        return new Vcpu(baseptr, blocked, u, tlb, lastTrap, userBaseptr, userMode);
    }

    public Vcpu withTlb(PSortedMap<Long, TlbEntry> t) {
        return new Vcpu(baseptr, blocked, upcallPending, t, lastTrap, userBaseptr, userMode);
    }

    public Vcpu withLastTrap(TrapBounce b) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, Optional.of(b), userBaseptr, userMode);
    }

    public boolean hasUserBaseptr() {
        return userBaseptr != NO_BASEPTR;
    }

    public Vcpu withUserBaseptr(long b) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, b, userMode);
    }

    public Vcpu withUserMode(boolean u) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, u);
    }

    /** Its top-level tables (the kernel's, then the user's), each holding a general and a type reference. */
    public java.util.List<Long> roots() {
        if (!hasUserBaseptr()) return hasBaseptr() ? java.util.List.of(baseptr) : java.util.List.of();
        return hasBaseptr() ? java.util.List.of(baseptr, userBaseptr) : java.util.List.of(userBaseptr);
    }

    /** The top-level table its walks start at: the user root in user mode, the kernel's otherwise. */
    public long currentRoot() {
        return userMode ? userBaseptr : baseptr;
    }

    /** Whether it has a root to walk in its current mode. */
    public boolean hasCurrentRoot() {
        return currentRoot() != NO_BASEPTR;
    }
}
