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
 * @param userBaseptr the top-level table its user mode runs on (Xen's {@code guest_table_user},
 *     set by {@code MMUEXT_NEW_USER_BASEPTR}; {@link #NO_BASEPTR} when null); it holds a general and
 *     a type reference, as the kernel's does
 * @param userMode it runs in guest user mode (Xen's {@code TF_kernel_mode} clear): its walks start
 *     at {@code userBaseptr}. {@code HYPERVISOR_iret} to a ring-3 frame sets it; an entry into the
 *     guest kernel (a bounce, a kernel-mode request) clears it
 * @param traps its virtual IDT, by vector (selectors already raised to guest-kernel privilege):
 *     per vCPU as in Xen ({@code curr->arch.pv.trap_ctxt}, pv/callback.c:344)
 * @param callbacks its event, failsafe, syscall and sysenter entry points (per vCPU in Xen:
 *     {@code curr->arch.pv.*_callback_eip}, pv/callback.c:62-90)
 * @param descriptors its GDT and LDT
 * @param oldGuestTable Xen's {@code old_guest_table} ({@link #NO_BASEPTR} when none): a table
 *     whose put was preempted part-way (unpin, the old base of {@code NEW_BASEPTR}); it keeps a
 *     general reference until {@code put_old_guest_table} finishes the put at the vCPU's next
 *     {@code mmu_update} or {@code mmuext_op} (mm.c:3177-3214). Its type reference is held by the
 *     table's {@code PGT_partial} ({@code old_guest_table_partial} is true: in a sequential run
 *     the put is preempted only in {@code demote_lN_table}, which returns {@code -ERESTART});
 *     {@code old_guest_ptpg} is NULL on every path the model has
 * @param segments its kernel stack and segment bases ({@code stack_switch}, {@code set_segment_base})
 */
public record Vcpu(long baseptr, boolean blocked, boolean upcallPending, PSortedMap<Long, TlbEntry> tlb,
                   Optional<TrapBounce> lastTrap, long userBaseptr, boolean userMode,
                   PMap<Integer, TrapInfo> traps, Callbacks callbacks, DescriptorTables descriptors,
                   long oldGuestTable, Segments segments) {

    /** A vCPU with the initial stack and segment state. */
    public Vcpu(long baseptr, boolean blocked, boolean upcallPending, PSortedMap<Long, TlbEntry> tlb,
                Optional<TrapBounce> lastTrap, long userBaseptr, boolean userMode,
                PMap<Integer, TrapInfo> traps, Callbacks callbacks, DescriptorTables descriptors, long oldGuestTable) {
        this(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode, traps, callbacks, descriptors, oldGuestTable, Segments.NONE);
    }

    /** A vCPU with no deferred put. */
    public Vcpu(long baseptr, boolean blocked, boolean upcallPending, PSortedMap<Long, TlbEntry> tlb,
                Optional<TrapBounce> lastTrap, long userBaseptr, boolean userMode,
                PMap<Integer, TrapInfo> traps, Callbacks callbacks, DescriptorTables descriptors) {
        this(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode, traps, callbacks, descriptors, NO_BASEPTR);
    }

    public static final long NO_BASEPTR = -1;

    public static final Vcpu INITIAL = new Vcpu(NO_BASEPTR, false, false, TreePMap.empty(), Optional.empty(), NO_BASEPTR, false,
            IntTreePMap.empty(), Callbacks.NONE, DescriptorTables.NONE);

    public boolean hasBaseptr() {
        return baseptr != NO_BASEPTR;
    }

    public Vcpu withBaseptr(long b) {
        return new Vcpu(b, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode, traps, callbacks, descriptors, oldGuestTable, segments);
    }

    public Vcpu withBlocked(boolean b) {
        return new Vcpu(baseptr, b, upcallPending, tlb, lastTrap, userBaseptr, userMode, traps, callbacks, descriptors, oldGuestTable, segments);
    }

    public Vcpu withUpcallPending(boolean u) {
        return new Vcpu(baseptr, blocked, u, tlb, lastTrap, userBaseptr, userMode, traps, callbacks, descriptors, oldGuestTable, segments);
    }

    public Vcpu withTlb(PSortedMap<Long, TlbEntry> t) {
        return new Vcpu(baseptr, blocked, upcallPending, t, lastTrap, userBaseptr, userMode, traps, callbacks, descriptors, oldGuestTable, segments);
    }

    public Vcpu withLastTrap(TrapBounce b) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, Optional.of(b), userBaseptr, userMode, traps, callbacks, descriptors, oldGuestTable, segments);
    }

    public boolean hasUserBaseptr() {
        return userBaseptr != NO_BASEPTR;
    }

    public Vcpu withUserBaseptr(long b) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, b, userMode, traps, callbacks, descriptors, oldGuestTable, segments);
    }

    public Vcpu withUserMode(boolean u) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, u, traps, callbacks, descriptors, oldGuestTable, segments);
    }

    public Vcpu withTraps(PMap<Integer, TrapInfo> t) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode, t, callbacks, descriptors, oldGuestTable, segments);
    }

    public Vcpu withCallbacks(Callbacks cb) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode, traps, cb, descriptors, oldGuestTable, segments);
    }

    public Vcpu withDescriptors(DescriptorTables dt) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode, traps, callbacks, dt, oldGuestTable, segments);
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

    public boolean hasOldGuestTable() {
        return oldGuestTable != NO_BASEPTR;
    }

    public Vcpu withOldGuestTable(long mfn) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode, traps, callbacks, descriptors, mfn, segments);
    }

    public Vcpu withSegments(Segments sg) {
        return new Vcpu(baseptr, blocked, upcallPending, tlb, lastTrap, userBaseptr, userMode, traps, callbacks, descriptors, oldGuestTable, sg);
    }

    @Override
    public int hashCode() { // the record's own formula over the first ten components, so that states without a deferred put or segment state hash as before
        int h = Long.hashCode(baseptr);
        h = h * 31 + Boolean.hashCode(blocked);
        h = h * 31 + Boolean.hashCode(upcallPending);
        h = h * 31 + tlb.hashCode();
        h = h * 31 + lastTrap.hashCode();
        h = h * 31 + Long.hashCode(userBaseptr);
        h = h * 31 + Boolean.hashCode(userMode);
        h = h * 31 + traps.hashCode();
        h = h * 31 + callbacks.hashCode();
        h = h * 31 + descriptors.hashCode();
        if (oldGuestTable != NO_BASEPTR) h = h * 31 + Long.hashCode(oldGuestTable);
        return segments.equals(Segments.NONE) ? h : h * 31 + segments.hashCode(); // unchanged for a vCPU that set none

    }
}
