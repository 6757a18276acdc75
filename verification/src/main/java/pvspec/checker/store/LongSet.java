package pvspec.checker.store;

/**
 * An open-addressing set of 64-bit fingerprints: the in-memory part of a
 * {@link FingerprintSet}. Written only between levels by one thread and read concurrently during
 * a level, which the level barrier makes safe.
 */
final class LongSet {
    private long[] keys = new long[1 << 16];
    private boolean hasZero;
    private int size;

    boolean contains(long k) {
        if (k == 0) return hasZero;
        int mask = keys.length - 1;
        for (int i = (int) Hash64.mix(k) & mask; ; i = (i + 1) & mask) {
            long x = keys[i];
            if (x == k) return true;
            if (x == 0) return false;
        }
    }

    void add(long k) {
        if (k == 0) {
            if (!hasZero) size++;
            hasZero = true;
            return;
        }
        if (2 * (size + 1) > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = (int) Hash64.mix(k) & mask; ; i = (i + 1) & mask) {
            long x = keys[i];
            if (x == k) return;
            if (x == 0) {
                keys[i] = k;
                size++;
                return;
            }
        }
    }

    int size() {
        return size;
    }

    /** The elements, in no particular order. */
    long[] toArray() {
        long[] out = new long[size];
        int n = 0;
        if (hasZero) out[n++] = 0;
        for (long k : keys) if (k != 0) out[n++] = k;
        return out;
    }

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        size = hasZero ? 1 : 0;
        for (long k : old) if (k != 0) add(k);
    }
}
