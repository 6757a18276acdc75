package pvspec.hypervisor;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The undo log of one hypercall: every store records what it overwrote, so a refused request
 * (or a lock retry) restores the state by replaying the log backwards. Plain parallel arrays,
 * reused across hypercalls. Undo runs while the same locks are still held, so restoring a
 * word is a plain store — except {@link #orBits}, whose word is shared between locks and is
 * restored by the inverse CAS update.
 */
final class Journal {
    private static final int LONGS = 0;
    private static final int INTS = 1;
    private static final int ATOMIC = 2;
    private static final int OBJS = 3;
    private static final int TLB = 4;
    private static final int OR_BITS = 5;
    private static final int HEAP_TAKE = 6;

    private static final int INITIAL = 64;
    /** A log grown past this by one huge hypercall (validating a whole tree) is not kept. */
    private static final int KEEP = 1 << 14;

    private int size;
    private int[] kind;
    private Object[] target;
    private int[] index;
    private long[] old;
    private long[] aux;
    private Object[] oldObj;

    Journal() {
        alloc(INITIAL);
    }

    private void alloc(int n) {
        kind = new int[n];
        target = new Object[n];
        index = new int[n];
        old = new long[n];
        aux = new long[n];
        oldObj = new Object[n];
    }

    int size() {
        return size;
    }

    private int push(int k, Object t, int i, long o) {
        if (size == kind.length) grow();
        int s = size++;
        kind[s] = k;
        target[s] = t;
        index[s] = i;
        old[s] = o;
        return s;
    }

    private void grow() {
        int n = kind.length * 2;
        kind = java.util.Arrays.copyOf(kind, n);
        target = java.util.Arrays.copyOf(target, n);
        index = java.util.Arrays.copyOf(index, n);
        old = java.util.Arrays.copyOf(old, n);
        aux = java.util.Arrays.copyOf(aux, n);
        oldObj = java.util.Arrays.copyOf(oldObj, n);
    }

    void longs(long[] a, int i, long o) {
        push(LONGS, a, i, o);
    }

    void ints(int[] a, int i, int o) {
        push(INTS, a, i, o);
    }

    void atomic(AtomicLongArray a, int i, long o) {
        push(ATOMIC, a, i, o);
    }

    void objs(Object[] a, int i, Object o) {
        int s = push(OBJS, a, i, 0); // before indexing: push may grow the arrays
        oldObj[s] = o;
    }

    void tlb(Tlb t, long va, long o) {
        int s = push(TLB, t, 0, o);
        aux[s] = va;
    }

    /** Bits cleared from a shared word: undone by setting them again. */
    void orBits(AtomicLongArray a, int i, long bits) {
        push(OR_BITS, a, i, bits);
    }

    void heapTake(Heap h, int mfn) {
        push(HEAP_TAKE, h, mfn, 0);
    }

    /** Undo everything logged after {@code mark}. */
    void rollback(int mark) {
        while (size > mark) {
            int s = --size;
            Object t = target[s];
            int i = index[s];
            switch (kind[s]) {
                case LONGS: ((long[]) t)[i] = old[s]; break;
                case INTS: ((int[]) t)[i] = (int) old[s]; break;
                case ATOMIC: ((AtomicLongArray) t).set(i, old[s]); break;
                case OBJS: ((Object[]) t)[i] = oldObj[s]; break;
                case TLB: undoTlb((Tlb) t, aux[s], old[s]); break;
                case OR_BITS: orBits((AtomicLongArray) t, i, old[s], true); break;
                case HEAP_TAKE: ((Heap) t).give(i); break;
                default: throw new IllegalStateException("journal kind " + kind[s]);
            }
            target[s] = null;
            oldObj[s] = null;
        }
    }

    private static void undoTlb(Tlb t, long va, long o) {
        if (o == Tlb.ABSENT) t.remove(va);
        else t.put(va, o);
    }

    /** CAS loop setting ({@code set}) or clearing bits of a shared word; returns the previous word. */
    static long orBits(AtomicLongArray a, int i, long bits, boolean set) {
        for (;;) {
            long x = a.get(i);
            long n = set ? x | bits : x & ~bits;
            if (x == n || a.compareAndSet(i, x, n)) return x;
        }
    }

    /** Forget the log: the hypercall committed. */
    void clear() {
        if (kind.length > KEEP) {
            alloc(INITIAL);
        } else {
            for (int s = 0; s < size; s++) {
                target[s] = null;
                oldObj[s] = null;
            }
        }
        size = 0;
    }
}
