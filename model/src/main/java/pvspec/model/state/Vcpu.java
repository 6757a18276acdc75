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
 * @param oldGuestTable Xen's {@code old_guest_table} ({@link #NO_BASEPTR} when none): a table
 *     whose put was preempted part-way (unpin, the old base of {@code NEW_BASEPTR}); it keeps a
 *     general reference until {@code put_old_guest_table} finishes the put at the vCPU's next
 *     {@code mmu_update} or {@code mmuext_op} (mm.c:3177-3214). Its type reference is held by the
 *     table's {@code PGT_partial} ({@code old_guest_table_partial} is true: in a sequential run
 *     the put is preempted only in {@code demote_lN_table}, which returns {@code -ERESTART});
 *     {@code old_guest_ptpg} is NULL on every path the model has
 */
public record Vcpu(long baseptr, boolean blocked, boolean upcallPending, PSortedMap<Long, TlbEntry> tlb,
                   Optional<TrapBounce> lastTrap, long oldGuestTable) {

    /** A vCPU with no deferred put. */
    public Vcpu(long baseptr, boolean blocked, boolean upcallPending, PSortedMap<Long, TlbEntry> tlb, Optional<TrapBounce> lastTrap) {
        this(baseptr, blocked, upcallPending, tlb, lastTrap, NO_BASEPTR);
    }

    public static final long NO_BASEPTR = -1;

    public static final Vcpu INITIAL = new Vcpu(NO_BASEPTR, false, false, TreePMap.empty(), Optional.empty());

    public boolean hasBaseptr() {
        return baseptr != NO_BASEPTR;
    }

    public Vcpu withBaseptr(long b) {
        return new Vcpu(b, blocked, upcallPending, tlb, lastTrap, oldGuestTable);
    }

    public boolean hasOldGuestTable() {
        return oldGuestTable != NO_BASEPTR;
    }

    public Vcpu withOldGuestTable(long mfn) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, mfn);
    }

    public Vcpu withBlocked(boolean b) {
        return new Vcpu(baseptr, b, upcallPending, tlb, lastTrap, oldGuestTable);
    }

    public Vcpu withUpcallPending(boolean u) {
        return new Vcpu(baseptr, blocked, u, tlb, lastTrap, oldGuestTable);
    }

    public Vcpu withTlb(PSortedMap<Long, TlbEntry> t) {
        return new Vcpu(baseptr, blocked, upcallPending, t, lastTrap, oldGuestTable);
    }

    public Vcpu withLastTrap(TrapBounce b) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, Optional.of(b), oldGuestTable);
    }

    @Override
    public int hashCode() { // the record's own formula over the first five components, so that states without a deferred put hash as before
        int h = Long.hashCode(baseptr);
        h = h * 31 + Boolean.hashCode(blocked);
        h = h * 31 + Boolean.hashCode(upcallPending);
        h = h * 31 + tlb.hashCode();
        h = h * 31 + lastTrap.hashCode();
        return oldGuestTable == NO_BASEPTR ? h : h * 31 + Long.hashCode(oldGuestTable);
    }
}
