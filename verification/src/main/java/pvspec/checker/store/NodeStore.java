package pvspec.checker.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Every state the search found, by node id: its parent node and the request that led from the
 * parent to it (the root has neither). Ids follow the order in which {@link pvspec.checker.search.Search} numbers each
 * level, so following parents gives a state's least shortest path.
 */
public final class NodeStore {
    private final IntList parent = new IntList();
    private final IntList label = new IntList();

    /** Adds a node and returns its id. */
    public int add(int parentNode, int request) {
        parent.add(parentNode);
        label.add(request);
        return parent.size() - 1;
    }

    public int size() {
        return parent.size();
    }

    public int parent(long node) {
        return parent.get((int) node);
    }

    public int label(long node) {
        return label.get((int) node);
    }

    public int[] parents() {
        return parent.toArray();
    }

    public int[] labels() {
        return label.toArray();
    }

    /** The requests from the root to node {@code n}. */
    public List<Integer> path(int n) {
        List<Integer> out = new ArrayList<>();
        for (int x = n; parent.get(x) >= 0; x = parent.get(x)) out.add(0, label.get(x));
        return out;
    }

    /** An edge of the search graph as one sortable number: the parent node, then the request. */
    public static long edge(long parentNode, int request) {
        return parentNode << 24 | request;
    }

    public static int edgeParent(long edge) {
        return (int) (edge >>> 24);
    }

    public static int edgeRequest(long edge) {
        return (int) (edge & 0xFFFFFF);
    }
}
