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

    private final int minChildren;

    /** {@code minChildren}: how many children a parent needs for its table to pay ({@link #minChildren(ParentTable, int)}). */
    ParentTables(Frontier f, NodeStore nodes, int minChildren) {
        this.minChildren = minChildren;
        for (Frontier.Unit u : f.units()) unitsPerParent.merge(f.parentOf(u, nodes), 1, Integer::sum);
        for (int i = 0; i < f.cur().size(); i++) childrenPerParent.merge(nodes.parent(f.curBase() + i), 1, Integer::sum);
    }

    /** Whether a table pays for itself: its parent has enough children to share its cost. */
    boolean worthIt(int parent) {
        return childrenPerParent.getOrDefault(parent, 0) >= minChildren;
    }

    /**
     * How many children a parent needs before its table pays, estimated once at the root: a table
     * costs about two plain expansions (every request runs once, observed), and saves at each child
     * the fraction of requests it lets the child skip. With the built-in templates (tens of
     * thousands of requests, nearly all refusals that stay refused) that fraction is close to 1
     * and two children suffice; with a hand-made request space of a few dozen requests that mostly
     * touch the caller's own domain record it can be a tenth, and a table would cost more than it
     * saves on any but the most fertile parents. Deterministic: it depends on the root alone.
     */
    static int minChildren(ParentTable root, int requests) {
        long children = 0;
        long skippable = 0;
        for (int a = 0; a < requests; a++) {
            if (root.selfLoop(a)) continue;
            children++;
            for (int b = 0; b < requests; b++) {
                if (b != a && (b < a && root.independent(a, b) || root.selfLoop(b) && root.unaffectedBy(b, a))) skippable++;
            }
        }
        if (children == 0 || skippable == 0) return Integer.MAX_VALUE;
        double saved = (double) skippable / (children * requests); // of a child's expansion
        return (int) Math.max(2, Math.ceil(COST / saved));
    }

    /** A table's cost in plain expansions (each request run once with every read and write observed). */
    private static final double COST = 2.0;

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
