package pvspec.checker;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.state.State;

/**
 * The level being expanded: its states ({@code cur}, node ids from {@code curBase}), their
 * parents' level ({@code prev}, kept for the independence reduction's parent tables), and the
 * units workers take: runs of at most {@link #CHUNK} siblings.
 *
 * @param keepSuccessors whether the states found will be expanded in turn (not at the depth bound)
 */
record Frontier(int depth, List<State> prev, long prevBase, List<State> cur, long curBase, int[] units, boolean keepSuccessors) {
    static final int CHUNK = 32;

    static Frontier of(int depth, List<State> prev, long prevBase, List<State> cur, long curBase, NodeStore nodes, boolean keep) {
        List<Integer> starts = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < cur.size(); i++) {
            if (i == 0 || run == CHUNK || nodes.parent(curBase + i) != nodes.parent(curBase + i - 1)) {
                starts.add(i);
                run = 0;
            }
            run++;
        }
        starts.add(cur.size());
        int[] units = new int[starts.size()];
        for (int i = 0; i < units.length; i++) units[i] = starts.get(i);
        return new Frontier(depth, prev, prevBase, cur, curBase, units, keep);
    }

    int unitCount() {
        return units.length - 1;
    }
}
