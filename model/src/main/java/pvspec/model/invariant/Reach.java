package pvspec.model.invariant;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import pvspec.model.abi.Pte;
import pvspec.model.state.State;

/**
 * What a guest can reach by walking page tables from a root, as the MMU walks them for a guest
 * access: through present, user-accessible entries (the hypervisor's own entries are
 * supervisor-only), with write permission only where every level grants it.
 *
 * @param tables frames reached as tables (the root included)
 * @param leaves frames reached as data, each with whether some path reaches it writable
 */
public record Reach(Set<Long> tables, Map<Long, Boolean> leaves) {

    public static Reach from(State s, long root, int level) {
        Set<Long> tables = new LinkedHashSet<>();
        Map<Long, Boolean> leaves = new LinkedHashMap<>();
        walk(s, root, level, true, tables, leaves, new HashSet<>());
        return new Reach(tables, leaves);
    }

    private static void walk(State s, long table, int level, boolean writable, Set<Long> tables,
                             Map<Long, Boolean> leaves, Set<Long> seen) {
        // Memo key: frame, level and write permission so far; the same key always reaches the same.
        long key = (table * 8 + level) * 2 + (writable ? 1 : 0);
        if (!seen.add(key) || !s.validMfn(table)) return;
        tables.add(table);
        int entries = s.config().entries();
        for (int i = 0; i < entries; i++) {
            long e = s.frame(table).entry(i);
            if (!Pte.guestWalks(e)) continue;
            long next = Pte.mfn(e);
            boolean w = writable && Pte.writable(e);
            if (level == 1) leaves.put(next, w || Boolean.TRUE.equals(leaves.get(next))); // no boxing method reference: JPF runs this
            else walk(s, next, level - 1, w, tables, leaves, seen);
        }
    }

    /** Every frame reached, as a table or as data. */
    public Set<Long> frames() {
        Set<Long> all = new LinkedHashSet<>(tables);
        all.addAll(leaves.keySet());
        return all;
    }
}
