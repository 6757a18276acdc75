package pvspec.model.rules;

import static pvspec.model.abi.check.Check.HYPERVISOR_SLOT;
import static pvspec.model.abi.check.Check.L1_DISALLOWED_FLAGS;
import static pvspec.model.abi.check.Check.UPPER_DISALLOWED_FLAGS;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Pte;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/**
 * Writing one entry of a validated page table ({@code mod_l1_entry} .. {@code mod_l4_entry}):
 * the new entry takes its references before the old one drops its own, unless the fast path
 * applies.
 */
final class EntryUpdates {
    private EntryUpdates() {}

    /**
     * Set entry {@code index} of the validated level-{@code level} table {@code table} to
     * {@code val}. L1 entries may map frames of {@code pgOwner}; upper entries only the table
     * owner's.
     */
    static State modEntry(State s, long table, int level, int index, long val, int pgOwner, Caller current) {
        return modEntry(s, table, level, index, val, pgOwner, false, current);
    }

    /**
     * As above; with {@code preserveAd} ({@code MMU_PT_UPDATE_PRESERVE_AD}) the stored entry keeps
     * the old entry's Accessed and Dirty bits, present or not ({@code pv/mm.h:update_intpte} 84-85,
     * on every {@code UPDATE_ENTRY} of mm.c:2215-2248, 2295-2312, 2357-2375, 2419-2437).
     */
    static State modEntry(State s, long table, int level, int index, long val, int pgOwner, boolean preserveAd, Caller current) {
        Written w = modEntryKeepingOld(s, table, level, index, val, pgOwner, preserveAd, Preemption.NEVER);
        return PageTypes.putPageFromEntry(w.state(), w.old(), table, level, current);
    }

    /**
     * The new entry written, the old one's references not yet dropped: {@code mod_l2/l3/l4_entry}
     * leave them to a deferred put ({@code put_page_from_lNe(.., PTF_defer)}, mm.c:2318, 2381,
     * 2443), which {@code mmu_update} finishes. {@code old} is 0 when nothing is left to drop (the
     * fast path, or no old entry).
     */
    record Written(State state, long old) {}

    /**
     * As {@link #modEntry(State, long, int, int, long, int, boolean, Caller)} up to the write;
     * an L3 or L4 entry's new child is typed preemptibly ({@code get_page_from_l3e/l4e} pass
     * {@code PTF_preemptible}, mm.c:1153-1154, 1177-1178; an L2 entry's does not, mm.c:1130).
     */
    static Written modEntryKeepingOld(State s, long table, int level, int index, long val, int pgOwner, boolean preserveAd, Preemption p) {
        Frame t = s.frame(table);
        long old = t.entry(index);
        require(Frames.guestSlot(s, level, index), HYPERVISOR_SLOT);
        // A grant PTE may be replaced like any other: put_page_from_l1e drops the references it
        // holds and, in the debug build, gives the current vCPU a #GP (mm.c:1219-1227); the
        // grant's unmap then fails its PTE check (XSA-234).
        if (Pte.present(val)) {
            // Checked before the fast path: the whitelist allows G, which only an L1 may set.
            require(Pte.disallowed(val, level == 1 ? PageTypes.l1Allowed(s, table) : Pte.UPPER_ALLOWED) == 0,
                    level == 1 ? L1_DISALLOWED_FLAGS : UPPER_DISALLOWED_FLAGS);
            // adjust_guest_lNe (mm.c:2210, 2290, 2352, 2414): Xen stores, and compares, the adjusted entry.
            val = Pte.adjustForGuest(val, level, level == s.config().levels());
            // Fast path (XSA-182's whitelist): same frame, only harmless bits changed.
            if (Pte.fastPath(old, val)) return new Written(write(s, table, index, preserveAd ? val | old & Pte.AD : val), 0);
            s = level == 1 ? PageTypes.getPageFromL1e(s, val, table, pgOwner) : PageTypes.getPageFromUpper(s, val, table, level, level > 2 ? p : Preemption.NEVER);
        }
        return new Written(write(s, table, index, preserveAd ? val | old & Pte.AD : val), old);
    }

    /** Store one word into a frame's contents. */
    static State write(State s, long mfn, int index, long val) {
        return s.withFrame(mfn, s.frame(mfn).withEntry(index, val));
    }
}
