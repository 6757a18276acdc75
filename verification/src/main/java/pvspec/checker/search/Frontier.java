package pvspec.checker.search;

import java.util.ArrayList;
import java.util.List;
import pvspec.checker.store.NodeStore;
import pvspec.model.state.State;

/**
 * The level being expanded: its states ({@code cur}, node ids from {@code curBase}), their
 * parents' level ({@code prev}, kept for the independence reduction's parent tables), and the
 * units workers take. A unit is a run of at most {@link #CHUNK} siblings; a level with fewer
 * states than workers (the first ones) is cut by request instead, so that all threads help.
 *
 * @param keepSuccessors whether the states found will be expanded in turn (not at the depth bound)
 */
record Frontier(int depth, List<State> prev, long prevBase, List<State> cur, long curBase, List<Unit> units, boolean keepSuccessors) {
    static final int CHUNK = 32;

    /** States {@code from} (inclusive) to {@code to} (exclusive) of the level, requests {@code firstRequest} to {@code endRequest}. */
    record Unit(int from, int to, int firstRequest, int endRequest) {}

    static Frontier of(int depth, List<State> prev, long prevBase, List<State> cur, long curBase, NodeStore nodes, boolean keep,
                       int threads, int requests) {
        List<Unit> units = new ArrayList<>();
        if (cur.size() < threads) {
            int parts = 4 * threads;
            for (int i = 0; i < cur.size(); i++) {
                for (int p = 0; p < parts; p++) units.add(new Unit(i, i + 1, requests * p / parts, requests * (p + 1) / parts));
            }
        } else {
            int start = 0;
            for (int i = 1; i <= cur.size(); i++) {
                if (i == cur.size() || i - start == CHUNK || nodes.parent(curBase + i) != nodes.parent(curBase + i - 1)) {
                    units.add(new Unit(start, i, 0, requests));
                    start = i;
                }
            }
        }
        return new Frontier(depth, prev, prevBase, cur, curBase, units, keep);
    }

    /** The parent of the states of unit {@code u} (all siblings), or -1 at the root. */
    int parentOf(Unit u, NodeStore nodes) {
        return nodes.parent(curBase + u.from());
    }
}
