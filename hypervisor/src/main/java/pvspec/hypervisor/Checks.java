package pvspec.hypervisor;

import static pvspec.model.abi.PteFlag.A;
import static pvspec.model.abi.PteFlag.G;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;
import static pvspec.model.abi.Pte.GUEST_KERNEL;

import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Pte;
import pvspec.model.state.Config;
import pvspec.model.state.GrantEntry;

/**
 * The hypervisor's security checks, one overridable method each, as Xen makes them. The
 * hypervisor is built with one {@code Checks} object and asks it at every check site; a seeded
 * bug is a subclass that overrides exactly one method (removes or weakens that check), so the
 * hot path carries no flags: with only this class loaded the calls are devirtualised and
 * inlined.
 *
 * <pre>{@code
 * // XSA-182: the L1 fast path lets RW change without revalidation
 * Hypervisor buggy = Hypervisor.boot(config, new Checks() {
 *     @Override public boolean fastPath(long oldPte, long newPte) {
 *         return Pte.present(oldPte) && Pte.present(newPte)
 *                 && ((oldPte ^ newPte) & ~(FASTPATH_WHITELIST | RW.mask())) == 0;
 *     }
 * });
 * }</pre>
 *
 * <p>Page types are passed as numbers: 0 none, 1..4 the table levels, 5 writable (the
 * ordinals of the model's {@code PageType}). Every method must be a pure function of its
 * arguments: they run concurrently on many vCPUs.
 */
public class Checks {

    /** Bits a guest may set in a present L1 entry: the ABI's ({@link Pte#L1_ALLOWED}), here for the overrides. */
    public static final long L1_ALLOWED = Pte.L1_ALLOWED;
    /** Bits a guest may set in a present L2..L4 entry ({@link Pte#UPPER_ALLOWED}: no PSE, no G). */
    public static final long UPPER_ALLOWED = Pte.UPPER_ALLOWED;
    /** {@code FASTPATH_FLAG_WHITELIST} after XSA-182 ({@link Pte#FASTPATH_WHITELIST}): never RW, never P. */
    public static final long FASTPATH_WHITELIST = Pte.FASTPATH_WHITELIST;

    // ------------------------------------------------------------ privilege

    /** Hypercalls only from guest kernel mode (XSA-213's lesson); accesses and INT n from either. */
    public boolean allowedInMode(Hypercall h, Mode mode) {
        return mode == Mode.KERNEL || h.allowedInUserMode();
    }

    /**
     * {@code MMUEXT_NEW_USER_BASEPTR} takes the root as {@code currd}'s
     * ({@code get_page_and_type_from_mfn(..., currd)}, mm.c:3709-3710): the owner the frame must have.
     */
    public int userRootOwner(int frameOwner, int caller) {
        return caller;
    }

    /** {@code do_iret} to a ring-3 frame with no {@code guest_table_user} crashes the guest (pv/iret.c:68-74). */
    public boolean iretNeedsUserRoot() {
        return true;
    }

    /** {@code toggle_guest_mode} reloads CR3 with the other mode's root: no translation of one mode survives into the other. */
    public boolean flushOnModeSwitch() {
        return true;
    }

    /**
     * A multicall ends after an {@code iret} entry ({@code mc_exit}) or when the vCPU left kernel
     * mode ({@code mc_preempt}) (pv/hypercall.c:114-116): the XSA-213 fix.
     */
    public boolean multicallEndsOnModeChange() {
        return true;
    }

    /** {@code domctl}: the control domain only. */
    public boolean domctlPermitted(boolean callerPrivileged) {
        return callerPrivileged;
    }

    /** {@code mmu_update} with a foreign {@code foreigndom}: the control domain only (XSM {@code mmu_update}). */
    public boolean foreignMappingPermitted(boolean callerPrivileged) {
        return callerPrivileged;
    }

    /** {@code MMU_MACHPHYS_UPDATE}: {@code get_page_from_mfn(mfn, pg_owner)} succeeded (XSA-113). */
    public boolean machphysFrameOwned(boolean ownedByPageOwner) {
        return ownedByPageOwner;
    }

    /** XSM_TARGET (memory_op, alloc_unbound, status): the domain itself or the control domain. */
    public boolean targetPermitted(int caller, int target, boolean callerPrivileged) {
        return caller == target || callerPrivileged;
    }

    /** {@code xsm_memory_stat_reservation} (XSM_TARGET): the domain itself or the control domain. */
    public boolean statReservationPermitted(int caller, int target, boolean callerPrivileged) {
        return targetPermitted(caller, target, callerPrivileged);
    }

    /** {@code evtchn_reset} closes each port with {@code evtchn_close}: an interdomain peer becomes unbound again (XSA-343). */
    public boolean resetUnlinksPeer() {
        return true;
    }

    // ------------------------------------------------------------ preemption and partial tables

    /** Where a taken-over partial validation resumes: at {@code nr_validated_ptes} (mm.c:3124-3128 skip the reset; XSA-299). */
    public int resumeValidationAt(int nrValidated) {
        return nrValidated;
    }

    /**
     * Whether a resumed validation knows its first entry holds a partial child's general
     * reference ({@code partial_flags}, mm.c:1511, 1578-1579): it then takes none.
     */
    public boolean partialSetOnResume(boolean partialSet) {
        return partialSet;
    }

    /** General references dropped when a partial validation is taken over: the one {@code PGT_partial} held (mm.c:3136-3142). */
    public int partialRefsDroppedOnTakeover() {
        return 1;
    }

    /** {@code mmu_update}'s {@code put_old_guest_table} is preemptible like {@code mmuext_op}'s (mm.c:4003-4012, 3182-3193; XSA-290). */
    public boolean mmuUpdatePutPreemptible() {
        return true;
    }

    /** The request an {@code mmu_update} continuation starts at when the loop head stops before request {@code i}: {@code i} (mm.c:4059-4062, 4267-4270). */
    public int mmuUpdateRestartAt(int i) {
        return i;
    }

    /** {@code mmu_update} refuses a partial table: {@code page_lock} needs {@code PGT_validated} (mm.c:2054-2057). */
    public boolean partialTableLocked() {
        return true;
    }

    /** {@code relinquish_memory} devalidates a dying domain's partial tables (domain.c:2361-2417). */
    public boolean relinquishTearsDownPartial() {
        return true;
    }

    /**
     * {@code relinquish_memory}: a pin whose put was preempted (-ERESTART, the table partial) is
     * not set again, and the pin's general reference is dropped (domain.c:2308-2345; XSA-299's
     * {@code bf656e02d8}).
     */
    public boolean relinquishDropsPreemptedPin() {
        return true;
    }

    /** {@code MMUEXT_FLUSH_CACHE}: needs I/O privilege. */
    public boolean cacheFlushPermitted(boolean callerPrivileged) {
        return callerPrivileged;
    }

    // ------------------------------------------------------------ locking

    /**
     * A hypercall of domain {@code caller} holds domain {@code domain}'s lock before it reads or
     * writes that domain's state or frames (two-phase locking; see the package documentation).
     * Always true: only a seeded concurrency bug answers false, for the Java PathFinder
     * harnesses (module {@code verification}) to find the race it opens.
     */
    public boolean locksDomain(int caller, int domain) {
        return true;
    }

    /**
     * A hypercall that needs one more domain lock waits for it only if that keeps the lock order
     * ({@code inOrder}: a higher id than any held, no leaf lock held); otherwise it only tries it
     * and retries with the larger set. Only a seeded concurrency bug waits out of order, for the
     * Java PathFinder harnesses to find the deadlock that opens.
     */
    public boolean waitsForLock(boolean inOrder) {
        return inOrder;
    }

    /**
     * A vCPU that caches a translation to a frame sets its domain's bit in the frame's word of TLB
     * holders with an atomic read-modify-write (Xen's {@code cpumask_set_cpu}, a locked
     * {@code set_bit}): the word is shared by every domain that maps the frame, under different
     * locks. Only a seeded concurrency bug answers false (a plain read, then a write): two domains
     * filling their TLBs at once can lose a bit, and the flush when a grant of the frame is
     * unmapped, or the frame becomes a page table, then misses that domain's translation.
     */
    public boolean setsTlbHolderAtomically() {
        return true;
    }

    // ------------------------------------------------------------ references and types

    /** {@code get_page}: the frame belongs to the expected owner. */
    public boolean pageOwner(int owner, int expected) {
        return owner == expected;
    }

    /** The page table written by {@code mmu_update}, or unpinned or cleared, is the caller's. */
    public boolean tableOwner(int owner, int caller) {
        return owner == caller;
    }

    /** {@code get_page_type} with references outstanding: the type must already be the one asked for. */
    public boolean typeMatches(int current, int wanted) {
        return current == wanted;
    }

    /** A frame becoming a page table first loses every cached translation to it (XSA-401). */
    public boolean flushTlbOnPageTableType() {
        return true;
    }

    /** {@code free_domheap_pages}: a frame returning to the heap is scrubbed when its owner is dying. */
    public boolean scrubOnFree(boolean ownerDying) {
        return ownerDying;
    }

    /** {@code MMUEXT_CLEAR_PAGE}: only a frame that could be writable (not a page table). */
    public boolean clearablePage(int type, int typeCount) {
        return typeCount == 0 || type == FrameTable.WRITABLE;
    }

    // ------------------------------------------------------------ entries

    /** {@code MMUEXT_COPY_PAGE}: the target takes the writable type, so it cannot be a page table. */
    public boolean copyTargetWritable(int type, int typeCount) {
        return clearablePage(type, typeCount);
    }

    /**
     * Writable page tables: the emulated write's new entry takes its references as
     * {@code get_page_from_l1e(nl1e, d, d)} (ro-page-fault.c:145-173).
     */
    public boolean ptwrValidatesNewEntry() {
        return true;
    }

    /** {@code l1_disallow_mask}. */
    public boolean l1FlagsAllowed(long pte, boolean ioCapable) {
        return (Pte.flags(pte) & ~(ioCapable ? L1_ALLOWED | Pte.CACHE_ATTRS : L1_ALLOWED)) == 0;
    }

    /** {@code L2/L3/L4_DISALLOW_MASK}: no superpages (XSA-148). */
    public boolean upperFlagsAllowed(int level, long pte) {
        return (Pte.flags(pte) & ~UPPER_ALLOWED) == 0;
    }

    /** {@code mod_lN_entry} fast path: same frame, only whitelisted bits differ (XSA-182). */
    public boolean fastPath(long oldPte, long newPte) {
        return (oldPte & newPte & P.mask()) != 0 && ((oldPte ^ newPte) & ~FASTPATH_WHITELIST) == 0;
    }

    /**
     * {@code adjust_guest_l1e} .. {@code adjust_guest_l4e} ({@code pv/mm.h}): what Xen stores for
     * a present entry of a 64-bit PV guest. Every level gets US (the guest kernel runs in ring
     * 3); an L1 given without US is marked guest-kernel, one given with US gets G; the top
     * level also gets A.
     */
    public long adjustForGuest(long pte, int level, boolean top) {
        if ((pte & P.mask()) == 0) return pte;
        if (level > 1) return pte | US.mask() | (top ? A.mask() : 0);
        if ((pte & US.mask()) == 0) pte |= GUEST_KERNEL | US.mask();
        return (pte & GUEST_KERNEL) == 0 ? pte | G.mask() | US.mask() : pte;
    }

    /** XSA-286 (mm.c:4310): a successful L2..L4 {@code mmu_update} flushes the table owner's TLBs. */
    public boolean flushAfterUpperUpdate() {
        return true;
    }

    /** {@code mod_l4_entry}: the hypervisor's top-level slots are not the guest's. */
    public boolean guestSlot(Config c, int level, int index) {
        return level != c.levels() || !c.reserved(index);
    }

    // ------------------------------------------------------------ linear page tables

    /** A same-level entry must be read-only. */
    public boolean linearReadOnly(long pte) {
        return (pte & RW.mask()) == 0;
    }

    /** No cross-domain linear entries (XSA-240). */
    public boolean linearSameOwner(int tableOwner, int targetOwner) {
        return tableOwner == targetOwner;
    }

    /** Linear tables one level only (XSA-240): neither side already on the other side of a link. */
    public boolean linearOneLevel(int tableLinearCount, int targetLinearCount) {
        return tableLinearCount >= 0 && targetLinearCount <= 0;
    }

    // ------------------------------------------------------------ grants

    /** The granter may rewrite or revoke an entry only while nobody maps it (XSA-218); a transfer entry's bits 3-4 are not in-use flags. */
    public boolean grantRewritable(int flags) {
        return (flags & GrantEntry.GTF_type_mask) != GrantEntry.GTF_permit_access || (flags & (GrantEntry.GTF_reading | GrantEntry.GTF_writing)) == 0;
    }

    /** The entry grants access to the mapper. */
    public boolean grantPermits(int flags, int grantee, int mapper) {
        return (flags & GrantEntry.GTF_type_mask) == GrantEntry.GTF_permit_access && grantee == mapper;
    }

    /** A read-only grant is mapped read-only only. */
    public boolean grantModeAllowed(int flags, boolean readonlyMap) {
        return readonlyMap || (flags & GrantEntry.GTF_readonly) == 0;
    }

    /** {@code replace_grant_pv_mapping}: the host PTE still maps the grant's frame with its P and RW (XSA-234). */
    public boolean unmapPteMatches(long pte, long grantPte) {
        return Pte.mfn(pte) == Pte.mfn(grantPte) && ((pte ^ grantPte) & (P.mask() | RW.mask())) == 0;
    }

    /** {@code create_grant_pv_mapping} / {@code replace_grant_pv_mapping}: a contains_pte address is aligned to an entry (XSA-227). */
    public boolean ptePtrAligned(long addr) {
        return (addr & 7) == 0;
    }

    /** {@code unmap_common}: a device unmap names the granted frame's machine address (GNTST_bad_dev_addr otherwise). */
    public boolean devBusAddrMatches(long devBusAddr, long frame) {
        return devBusAddr == frame << 12;
    }

    /**
     * {@code steal_page} (mm.c:4407-4413): the frame's only reference is its allocation, so nothing
     * maps, pins, types or grant-maps it (XSA-214, XSA-217).
     */
    public boolean stealable(int count, boolean allocated) {
        return allocated && count == 1;
    }

    /** {@code gnttab_transfer} (grant_table.c:2412-2414): the receiver holds fewer than {@code max_pages} frames. */
    public boolean transferHeadroom(long totPages, long maxPages) {
        return totPages < maxPages;
    }

    /** Unmapping drops the writable type reference exactly when the map took one (XSA-224). */
    public boolean unmapDropsType(boolean readonlyMap) {
        return !readonlyMap;
    }

    /** {@code gnttab_copy_lock_domain}: a copy names a frame (no grant reference) only as DOMID_SELF's. */
    public boolean copyFrameNamed(int domid, boolean gref) {
        return gref || domid == pvspec.model.abi.DomId.DOMID_SELF;
    }

    /** {@code gnttab_copy_claim_buf}: a copy's destination takes the writable type (a page table cannot). */
    public boolean copyDestTakesType() {
        return true;
    }

    /** {@code gnttab_copy_buf}: both sides of a copy stay within their page ({@code GNTST_bad_copy_arg}). */
    public boolean copyWithinPage(int sourceOffset, int destOffset, int len) {
        return sourceOffset + len <= 4096 && destOffset + len <= 4096;
    }

    /**
     * {@code gnttab_set_version} (grant_table.c:3250-3268): no switch while an entry beyond the
     * reserved ones is pinned (EBUSY); the switch clears those entries.
     */
    public boolean setVersionWaitsForPins() {
        return true;
    }

    /** {@code swap_grant_ref} (grant_table.c:3521-3535): an entry swaps only while unpinned ({@code act->pin}: no mapping of it). */
    public boolean grantSwappable(int pins) {
        return pins == 0;
    }

    // ------------------------------------------------------------ traps

    /** A handler or callback address must be canonical (XSA-7). */
    public boolean handlerCanonical(Config c, long address) {
        return c.canonical(address);
    }


    /** A handler's code selector runs at guest-kernel privilege (RPL 3), never ring 0. */
    public int handlerSelector(int cs) {
        return (cs & 3) >= 3 ? cs : (cs & ~3) | 3;
    }

    /** {@code do_update_descriptor} checks the descriptor ({@code check_descriptor}, descriptor-tables.c:299) and stores it fixed up. */
    public boolean updateDescriptorChecked() {
        return true;
    }

    /**
     * {@code __copy_to_guest}: Xen's ring-0 stores honour read-only mappings ({@code CR0.WP} is
     * set), so a frame list the caller maps read-only is {@code GNTST_bad_virt_addr}.
     */
    public boolean copyToGuestHonoursWriteProtect() {
        return true;
    }

    /** {@code fixup_guest_stack_selector} (asm/desc.h:49-56) in {@code do_stack_switch}: the kernel stack never gets a ring-0 RPL. */
    public long stackSelector(long ss) {
        return (ss & 3) >= 3 ? ss : (ss & ~3L) | 3;
    }

    /** {@code do_set_segment_base}: {@code is_canonical_address(base)} before Xen's {@code wrmsr} (misc-hypercalls.c:179-184). */
    public boolean segmentBaseCanonical(Config c, long base) {
        return c.canonical(base);
    }

    /** {@code SEGBASE_GS_USER_SEL}: a non-NUL selector gets RPL 3 (misc-hypercalls.c:214-216). */
    public int userGsSelector(int sel) {
        return sel > 3 ? sel | 3 : sel;
    }

    /** {@code register_guest_nmi_callback}: the NMI entry runs with {@code FLAT_KERNEL_CS} (RPL 3), never the hypervisor's selector. */
    public int nmiCallbackSelector() {
        return 0xe033;
    }

    /** {@code permit_softint}: DPL 1 or more from the kernel, DPL 3 from user mode. */
    public boolean softintPermitted(int dpl, Mode mode) {
        return mode == Mode.KERNEL ? dpl >= 1 : dpl == 3;
    }

    // ------------------------------------------------------------ event channels

    /** {@code bind_interdomain}: the remote port is unbound and offered to the caller. */
    public boolean interdomainOffered(boolean remoteUnbound, int offeredTo, int caller) {
        return remoteUnbound && offeredTo == caller;
    }

}
