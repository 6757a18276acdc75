package pvspec.hypervisor;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The free-frame pool (Xen's heap), a bitmap guarded by its own lock, the innermost lock of the
 * lock order. Allocation always takes the lowest free frame.
 */
final class Heap {
    final ReentrantLock lock = new ReentrantLock();
    private final long[] free;
    /** No free frame below this one. */
    private int low;

    Heap(int frames) {
        free = new long[(frames + 63) >>> 6];
    }

    /** The lowest free frame, or -1. Caller holds {@link #lock}. */
    int lowest() {
        for (int w = low >>> 6; w < free.length; w++) {
            if (free[w] != 0) {
                int mfn = (w << 6) + Long.numberOfTrailingZeros(free[w]);
                low = mfn;
                return mfn;
            }
        }
        low = free.length << 6;
        return -1;
    }

    void take(int mfn) {
        free[mfn >>> 6] &= ~(1L << mfn);
    }

    void give(int mfn) {
        free[mfn >>> 6] |= 1L << mfn;
        if (mfn < low) low = mfn;
    }

    boolean isFree(int mfn) {
        return (free[mfn >>> 6] & (1L << mfn)) != 0;
    }
}
