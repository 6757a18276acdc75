package pvspec.spark;

import java.util.Arrays;

/**
 * Paths from the search's initial state (request ids). The built-in search numbers each level by
 * least incoming edge (parent number, request); parents being numbered the same way, that order
 * is the lexicographic order of the states' least paths, so a state's least path stands for its
 * number and its chain of parent links at once.
 */
final class Paths {
    private Paths() {}

    static int[] append(int[] path, int request) {
        int[] out = Arrays.copyOf(path, path.length + 1);
        out[path.length] = request;
        return out;
    }

    /** The lesser of two paths (null: none). */
    static int[] min(int[] a, int[] b) {
        if (a == null) return b;
        if (b == null) return a;
        return Arrays.compare(a, b) <= 0 ? a : b;
    }

    static int[] parent(int[] path) {
        return Arrays.copyOf(path, path.length - 1);
    }

    static int last(int[] path) {
        return path[path.length - 1];
    }
}
