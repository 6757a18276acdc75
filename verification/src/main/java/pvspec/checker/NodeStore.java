package pvspec.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Every state the search found, by node id: its parent node and the request that led from the
 * parent to it (the root has neither). Ids follow the order in which {@link Search} numbers each
 * level, so following parents gives a state's least shortest path.
 */
final class NodeStore {
    private final IntList parent = new IntList();
    private final IntList label = new IntList();

    /** Adds a node and returns its id. */
    int add(int parentNode, int request) {
        parent.add(parentNode);
        label.add(request);
        return parent.size() - 1;
    }

    int size() {
        return parent.size();
    }

    int parent(long node) {
        return parent.get((int) node);
    }

    int label(long node) {
        return label.get((int) node);
    }

    int[] parents() {
        return parent.toArray();
    }

    int[] labels() {
        return label.toArray();
    }

    /** The requests from the root to node {@code n}. */
    List<Integer> path(int n) {
        List<Integer> out = new ArrayList<>();
        for (int x = n; parent.get(x) >= 0; x = parent.get(x)) out.add(0, label.get(x));
        return out;
    }

    /** An edge of the search graph as one sortable number: the parent node, then the request. */
    static long edge(long parentNode, int request) {
        return parentNode << 24 | request;
    }

    static int edgeParent(long edge) {
        return (int) (edge >>> 24);
    }

    static int edgeRequest(long edge) {
        return (int) (edge & 0xFFFFFF);
    }
}
