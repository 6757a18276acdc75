package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.HYPERVISOR_SLOT;
import static pvspec.model.abi.check.Check.L1_DISALLOWED_FLAGS;
import static pvspec.model.abi.check.Check.UPPER_DISALLOWED_FLAGS;

import pvspec.model.abi.Pte;

/**
 * {@code mod_l1_entry} .. {@code mod_l4_entry}: writing one entry of a validated page table.
 * The new entry takes its references before the old one drops its own, unless the fast path
 * applies (same frame, only harmless bits changed: nothing to revalidate).
 */
final class EntryOps {
    private EntryOps() {}


    static void modEntry(Txn t, int table, int level, int index, long val, int pgOwner) {
        long old = modEntryKeepingOld(t, table, level, index, val, pgOwner, false);
        if (Pte.present(old)) PageRefs.putFromEntry(t, old, table, level);
    }

    /**
     * Up to the write: returns the old entry whose references are still to drop (0 for none).
     * {@code preemptible}: an L3/L4 entry's new child is typed with {@code PTF_preemptible}
     * (mm.c:1153, 1177), and may stop with {@link Preempt}, the child partial.
     */
    static long modEntryKeepingOld(Txn t, int table, int level, int index, long val, int pgOwner, boolean preemptible) {
        long old = t.ft.entry(table, index);
        if (!t.checks.guestSlot(t.hv.config, level, index)) throw Refused.of(HYPERVISOR_SLOT);
        if (Pte.present(val)) {
            if (level == 1) {
                if (!t.checks.l1FlagsAllowed(val, PageRefs.ioCapable(t, table))) throw Refused.of(L1_DISALLOWED_FLAGS);
            } else if (!t.checks.upperFlagsAllowed(level, val)) {
                throw Refused.of(UPPER_DISALLOWED_FLAGS);
            }
            val = t.checks.adjustForGuest(val, level, level == t.hv.levels);
            if (t.checks.fastPath(old, val)) {
                t.setEntry(table, index, val);
                return 0;
            }
            if (level == 1) PageRefs.getFromL1e(t, val, table, pgOwner);
            else PageRefs.getFromUpper(t, val, table, level, preemptible && level > 2);
        }
        t.setEntry(table, index, val);
        return old;
    }
}
