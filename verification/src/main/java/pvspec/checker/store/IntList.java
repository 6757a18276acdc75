package pvspec.checker.store;

import java.util.Arrays;

/** A growable array of ints (the search's parent links and labels, by node id). */
final class IntList {
    private int[] a = new int[1024];
    private int size;

    void add(int v) {
        if (size == a.length) a = Arrays.copyOf(a, size * 2);
        a[size++] = v;
    }

    int get(int i) {
        return a[i];
    }

    int[] toArray() {
        return Arrays.copyOf(a, size);
    }

    int size() {
        return size;
    }
}
