package pvspec.checker;

/**
 * An open-addressing set of 64-bit fingerprints for fingerprint mode. Written only between
 * levels by one thread and read concurrently during a level, which the level barrier makes safe.
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

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        size = hasZero ? 1 : 0;
        for (long k : old) if (k != 0) add(k);
    }
}
