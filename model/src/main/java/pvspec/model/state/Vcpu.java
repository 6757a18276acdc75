package pvspec.model.state;

import java.util.Optional;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;
import pvspec.model.abi.TrapInfo;

/**
 * A virtual CPU.
 *
 * @param baseptr the top-level table it runs on ({@link #NO_BASEPTR} before the first
 *     {@code NEW_BASEPTR}); it holds a general and a type reference
 * @param blocked it is waiting for an event ({@code SCHEDOP_block})
 * @param upcallPending an event is waiting for it: some unmasked pending port notifies it
 * @param tlb cached translations, by virtual page
 * @param lastTrap the last exception or interrupt delivered to its kernel
 * @param traps its virtual IDT, by vector (selectors already raised to guest-kernel privilege):
 *     per vCPU as in Xen ({@code curr->arch.pv.trap_ctxt}, pv/callback.c:344)
 * @param callbacks its event, failsafe, syscall and sysenter entry points (per vCPU in Xen:
 *     {@code curr->arch.pv.*_callback_eip}, pv/callback.c:62-90)
 * @param descriptors its GDT and LDT
 */
public record Vcpu(long baseptr, boolean blocked, boolean upcallPending, PSortedMap<Long, TlbEntry> tlb,
                   Optional<TrapBounce> lastTrap, PMap<Integer, TrapInfo> traps, Callbacks callbacks,
                   DescriptorTables descriptors) {

    public static final long NO_BASEPTR = -1;

    public static final Vcpu INITIAL = new Vcpu(NO_BASEPTR, false, false, TreePMap.empty(), Optional.empty(),
            IntTreePMap.empty(), Callbacks.NONE, DescriptorTables.NONE);

    public boolean hasBaseptr() {
        return baseptr != NO_BASEPTR;
    }

    public Vcpu withBaseptr(long b) {
        return new Vcpu(b, blocked, upcallPending, tlb, lastTrap, traps, callbacks, descriptors);
    }

    public Vcpu withBlocked(boolean b) {
        return new Vcpu(baseptr, b, upcallPending, tlb, lastTrap, traps, callbacks, descriptors);
    }

    public Vcpu withUpcallPending(boolean u) {
        return new Vcpu(baseptr, blocked, u, tlb, lastTrap, traps, callbacks, descriptors);
    }

    public Vcpu withTlb(PSortedMap<Long, TlbEntry> t) {
        return new Vcpu(baseptr, blocked, upcallPending, t, lastTrap, traps, callbacks, descriptors);
    }

    public Vcpu withLastTrap(TrapBounce b) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, Optional.of(b), traps, callbacks, descriptors);
    }

    public Vcpu withTraps(PMap<Integer, TrapInfo> t) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, t, callbacks, descriptors);
    }

    public Vcpu withCallbacks(Callbacks cb) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, traps, cb, descriptors);
    }

    public Vcpu withDescriptors(DescriptorTables dt) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, traps, callbacks, dt);
    }
}
