package pvspec.checker.search;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pvspec.checker.config.Request;
import pvspec.checker.config.StepFunction;
import pvspec.checker.reduction.ParentTable;
import pvspec.checker.store.NodeStore;
import pvspec.model.state.State;

/**
 * The {@link ParentTable}s of one level, each computed once however many units share the parent,
 * and dropped when the last of them is done (siblings are consecutive, so few are alive at once).
 */
final class ParentTables {
    private final Map<Integer, Slot> slots = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> unitsPerParent = new HashMap<>();
    private final Map<Integer, Integer> childrenPerParent = new HashMap<>();

    private static final class Slot {
        ParentTable table;
        int remaining;
    }

    ParentTables(Frontier f, NodeStore nodes) {
        for (Frontier.Unit u : f.units()) unitsPerParent.merge(f.parentOf(u, nodes), 1, Integer::sum);
        for (int i = 0; i < f.cur().size(); i++) childrenPerParent.merge(nodes.parent(f.curBase() + i), 1, Integer::sum);
    }

    /** Whether a table pays for itself: computing it costs about one expansion, and it saves most of each child's. */
    boolean worthIt(int parent) {
        return childrenPerParent.getOrDefault(parent, 0) >= 2;
    }

    /** The table of {@code parent}, computing it if no worker has yet. */
    ParentTable acquire(int parent, State parentState, StepFunction model, Request[] req) {
        Slot s = slots.computeIfAbsent(parent, p -> {
            Slot n = new Slot();
            n.remaining = unitsPerParent.get(p);
            return n;
        });
        synchronized (s) {
            if (s.table == null) s.table = ParentTable.of(model, parentState, req);
            return s.table;
        }
    }

    /** A unit of {@code parent} is done. */
    void release(int parent) {
        Slot s = slots.get(parent);
        if (s == null) return;
        synchronized (s) {
            if (--s.remaining == 0) slots.remove(parent);
        }
    }
}
