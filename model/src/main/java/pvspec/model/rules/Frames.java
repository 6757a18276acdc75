package pvspec.model.rules;

import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/** Frames entering and leaving the free pool, and the hypervisor's own top-level slots. */
final class Frames {
    private Frames() {}

    /**
     * A frame whose general count has reached 0 goes back to the free pool
     * ({@code free_domheap_pages}), with every TLB entry that still points to it dropped. It is
     * scrubbed only if its owner is dying (page_alloc.c:2812-2813, {@code scrub = d->is_dying}) or it
     * has none (a frame {@code steal_page} took for a transfer that failed: page_alloc.c:2815-2829);
     * what a live domain gives back keeps its contents, and the next owner gets them: Xen expects
     * a domain to clear what it frees if it cares. (A dying domain that thereby loses its last
     * frame is gone at the end of the step: {@link Domains#reap}.)
     */
    static State release(State s, long mfn) {
        Frame f = s.frame(mfn);
        boolean scrub = !s.isAlive(f.owner());
        Frame freed = Frame.free(s.config().entries());
        s = s.withFrame(mfn, scrub ? freed : freed.withContents(f.contents()).withDataTag(f.dataTag()));
        return Tlbs.forgetFrame(s, mfn);
    }

    static boolean ownsAny(State s, int dom) {
        for (Frame f : s.frames()) if (f.owner() == dom) return true;
        return false;
    }

    /**
     * How many frames {@code dom} owns (Xen's {@code tot_pages}: {@code assign_pages} adds, only
     * {@code free_domheap_pages} takes away, so a frame given back but still referenced counts).
     */
    static long ownedBy(State s, int dom) {
        long n = 0;
        for (Frame f : s.frames()) if (f.owner() == dom) n++;
        return n;
    }

    /**
     * {@code assign_pages}: a free frame becomes {@code dom}'s, its allocation its only reference;
     * its contents are what its last owner left (scrubbed if that owner was dying).
     */
    static Frame assign(Frame free, int dom) {
        return Frame.allocated(dom, free.contents().size()).withContents(free.contents()).withDataTag(free.dataTag());
    }

    /**
     * The entry the hypervisor writes into reserved top-level slot {@code slot} at validation:
     * its own frame, supervisor-only. The read-only M2P slot gets the M2P entry only if the table's
     * owner has {@code m2p_strict}; otherwise it stays empty until the table is loaded
     * ({@code init_xen_l4_slots} with {@code ro_mpt} = {@code VM_ASSIST(d, m2p_strict)}:
     * mm.c:1662-1665, 1837-1838; {@code fill_ro_mpt} in {@code new_guest_cr3}).
     */
    static long hypervisorEntry(State s, int slot, boolean m2pStrict) {
        if (slot == s.config().m2pSlot()) return m2pStrict ? s.config().m2pEntry() : Pte.NONE;
        return Pte.make(s.config().xenFrameForSlot(slot), PteFlag.P, PteFlag.RW);
    }

    /**
     * Once a frame validates as a top-level table, the hypervisor writes its own entries into the
     * reserved slots, overwriting what the guest left there ({@code init_xen_l4_slots}).
     */
    static State writeHypervisorSlots(State s, long mfn) {
        Frame f = s.frame(mfn);
        var owner = s.domains().get(f.owner());
        boolean strict = owner != null && owner.vmAssist(pvspec.model.state.Domain.VMASST_M2P_STRICT);
        int first = s.config().reservedFirst();
        for (int slot = first; slot < first + s.config().reservedCount(); slot++) f = f.withEntry(slot, hypervisorEntry(s, slot, strict));
        return s.withFrame(mfn, f);
    }

    /**
     * {@code fill_ro_mpt} (mm.c:1729-1744), called by {@code new_guest_cr3} when
     * {@code m2p_strict} is off (mm.c:3365-3366; the caller checks): an empty read-only M2P slot of the new base
     * gets the M2P entry, which the guest may read through but never write.
     */
    static State fillRoMpt(State s, long mfn) {
        int slot = s.config().m2pSlot();
        Frame f = s.frame(mfn);
        return f.entry(slot) == Pte.NONE ? s.withFrame(mfn, f.withEntry(slot, s.config().m2pEntry())) : s;
    }

    /**
     * {@code zap_ro_mpt} (mm.c:1745-1751), called by {@code MMUEXT_NEW_USER_BASEPTR} when
     * {@code m2p_strict} is on (mm.c:3723-3724): the new user root's read-only M2P slot is emptied,
     * so user mode cannot read the M2P. Nothing is flushed.
     */
    static State zapRoMpt(State s, long mfn) {
        int slot = s.config().m2pSlot();
        Frame f = s.frame(mfn);
        return f.entry(slot) == Pte.NONE ? s : s.withFrame(mfn, f.withEntry(slot, Pte.NONE));
    }

    /** Whether slot {@code i} of a level-{@code level} table is one the guest controls. */
    static boolean guestSlot(State s, int level, int i) {
        return level != s.config().levels() || !s.config().reserved(i);
    }
}
