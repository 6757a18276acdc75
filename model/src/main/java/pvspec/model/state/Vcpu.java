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
 */
public record Vcpu(long baseptr, boolean blocked, boolean upcallPending, PSortedMap<Long, TlbEntry> tlb,
                   Optional<TrapBounce> lastTrap) {

    public static final long NO_BASEPTR = -1;

    public static final Vcpu INITIAL = new Vcpu(NO_BASEPTR, false, false, TreePMap.empty(), Optional.empty());

    public boolean hasBaseptr() {
        return baseptr != NO_BASEPTR;
    }

    public Vcpu withBaseptr(long b) {
        return new Vcpu(b, blocked, upcallPending, tlb, lastTrap);
    }

    public Vcpu withBlocked(boolean b) {
        return new Vcpu(baseptr, b, upcallPending, tlb, lastTrap);
    }

    public Vcpu withUpcallPending(boolean u) {
        return new Vcpu(baseptr, blocked, u, tlb, lastTrap);
    }

    public Vcpu withTlb(PSortedMap<Long, TlbEntry> t) {
        return new Vcpu(baseptr, blocked, upcallPending, t, lastTrap);
    }

    public Vcpu withLastTrap(TrapBounce b) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, Optional.of(b));
    }
}
