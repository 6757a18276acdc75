package pvspec.hypervisor;

/**
 * One vCPU's TLB: virtual page to (frame, writable), an open-addressing hash table of primitive
 * longs (keys are virtual pages, never negative). Values are {@code mfn << 1 | writable}.
 */
final class Tlb {
    static final long ABSENT = -1;
    private static final long EMPTY = -1;
    private static final long GONE = -2;

    private long[] keys;
    private long[] vals;
    private int size;
    private int used;

    Tlb() {
        alloc(8);
    }

    private void alloc(int cap) {
        keys = new long[cap];
        vals = new long[cap];
        for (int i = 0; i < cap; i++) keys[i] = EMPTY;
        size = 0;
        used = 0;
    }

    static long value(long mfn, boolean writable) {
        return mfn << 1 | (writable ? 1 : 0);
    }

    static long mfn(long value) {
        return value >>> 1;
    }

    static boolean writable(long value) {
        return (value & 1) != 0;
    }

    int size() {
        return size;
    }

    private int slot(long va) {
        long h = va * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (keys.length - 1);
    }

    /** The value cached for {@code va}, or {@link #ABSENT}. */
    long get(long va) {
        if (va < 0) return ABSENT;
        int mask = keys.length - 1;
        for (int i = slot(va); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == va) return vals[i];
            if (k == EMPTY) return ABSENT;
        }
    }

    /** Caches {@code value} for {@code va} (not negative); returns the previous value or {@link #ABSENT}. */
    long put(long va, long value) {
        int mask = keys.length - 1;
        int tomb = -1;
        for (int i = slot(va); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == va) {
                long old = vals[i];
                vals[i] = value;
                return old;
            }
            if (k == GONE && tomb < 0) tomb = i;
            if (k == EMPTY) {
                int at = tomb >= 0 ? tomb : i;
                if (tomb < 0) used++;
                keys[at] = va;
                vals[at] = value;
                size++;
                if (used * 4 >= keys.length * 3) rehash();
                return ABSENT;
            }
        }
    }

    /** Drops {@code va}; returns the value it had or {@link #ABSENT}. */
    long remove(long va) {
        if (va < 0) return ABSENT;
        int mask = keys.length - 1;
        for (int i = slot(va); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == va) {
                keys[i] = GONE;
                size--;
                return vals[i];
            }
            if (k == EMPTY) return ABSENT;
        }
    }

    private void rehash() {
        long[] ok = keys;
        long[] ov = vals;
        alloc(size * 4 > ok.length ? ok.length * 2 : ok.length);
        for (int i = 0; i < ok.length; i++) if (ok[i] >= 0) put(ok[i], ov[i]);
    }

    /** The raw key array, for iteration: slots holding a negative key are unused. */
    long[] keySlots() {
        return keys;
    }

    long valueAt(int slot) {
        return vals[slot];
    }
}
