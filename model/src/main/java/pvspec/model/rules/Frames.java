package pvspec.model.rules;

import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/** Frames entering and leaving the free pool, and the hypervisor's own top-level slots. */
final class Frames {
    private Frames() {}

    /**
     * A frame whose general count has reached 0 goes back to the free pool: scrubbed (no other
     * domain may ever see its data), with every TLB entry that still points to it dropped. (A
     * dying domain that thereby loses its last frame is gone at the end of the step:
     * {@link Domains#reap}.)
     */
    static State release(State s, long mfn) {
        s = s.withFrame(mfn, Frame.free(s.config().entries()));
        return Tlbs.forgetFrame(s, mfn);
    }

    static boolean ownsAny(State s, int dom) {
        for (Frame f : s.frames()) if (f.owner() == dom) return true;
        return false;
    }

    /** How many frames {@code dom} holds allocated (Xen's {@code tot_pages}). */
    static long allocatedTo(State s, int dom) {
        long n = 0;
        for (Frame f : s.frames()) if (f.owner() == dom && f.allocated()) n++;
        return n;
    }

    /**
     * The entry the hypervisor writes into reserved top-level slot {@code slot} at validation:
     * its own frame, supervisor-only; the read-only M2P slot stays empty, since Xen fills it only
     * when the table is loaded ({@code init_xen_l4_slots} with {@code ro_mpt} =
     * {@code VM_ASSIST(d, m2p_strict)}, off: mm.c:1662-1665, 1837).
     */
    static long hypervisorEntry(State s, int slot) {
        if (slot == s.config().m2pSlot()) return Pte.NONE;
        return Pte.make(s.config().xenFrameForSlot(slot), PteFlag.P, PteFlag.RW);
    }

    /**
     * Once a frame validates as a top-level table, the hypervisor writes its own entries into the
     * reserved slots, overwriting what the guest left there ({@code init_xen_l4_slots}).
     */
    static State writeHypervisorSlots(State s, long mfn) {
        Frame f = s.frame(mfn);
        int first = s.config().reservedFirst();
        for (int slot = first; slot < first + s.config().reservedCount(); slot++) f = f.withEntry(slot, hypervisorEntry(s, slot));
        return s.withFrame(mfn, f);
    }

    /**
     * {@code fill_ro_mpt} (mm.c:1729-1744), called by {@code new_guest_cr3} when
     * {@code m2p_strict} is off (mm.c:3365-3366): an empty read-only M2P slot of the new base
     * gets the M2P entry, which the guest may read through but never write.
     */
    static State fillRoMpt(State s, long mfn) {
        int slot = s.config().m2pSlot();
        Frame f = s.frame(mfn);
        return f.entry(slot) == Pte.NONE ? s.withFrame(mfn, f.withEntry(slot, s.config().m2pEntry())) : s;
    }

    /** Whether slot {@code i} of a level-{@code level} table is one the guest controls. */
    static boolean guestSlot(State s, int level, int i) {
        return level != s.config().levels() || !s.config().reserved(i);
    }
}
