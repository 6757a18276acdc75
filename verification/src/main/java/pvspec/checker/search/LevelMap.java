package pvspec.checker.search;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import pvspec.checker.store.Hash64;
import pvspec.checker.store.NodeStore;
import pvspec.model.state.State;

/**
 * The states of the next level, by key: each one's least incoming edge so far and the state that
 * edge produced. Under symmetry, edges with one key can produce different (symmetric) states; the
 * search must expand the one its least edge produced, which is the one a trace replays.
 *
 * <p>Every transition of a level that reaches a new key ends here, so it is built for that: 64
 * stripes, each an open-addressing table of primitive arrays under its own lock, instead of a
 * concurrent map of boxed keys and entry objects (a third of the search's time went to that
 * map's cache misses). In fingerprint mode a key is its 64-bit hash and nothing else is stored;
 * in exact mode the hash selects the slot and the key object decides equality.
 */
final class LevelMap {
    private static final int STRIPES = 64;
    private static final long EMPTY = -1; // edges are never negative

    private final boolean keep;
    private final Stripe[] stripes = new Stripe[STRIPES];
    private final AtomicInteger size = new AtomicInteger();

    /** {@code keep}: whether the states found will be expanded in turn (not at the depth bound). */
    LevelMap(boolean keep) {
        this.keep = keep;
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    private static final class Stripe {
        long[] hash = new long[16];
        long[] best = filled(16);
        Object[] key; // exact mode only
        State[] state;
        int size;
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, EMPTY);
        return a;
    }

    /** The 64 bits a key is filed under: a fingerprint itself, or an exact key's hash spread. */
    private static long hashOf(Object key) {
        return key instanceof Long ? (Long) key : Hash64.mix(key.hashCode());
    }

    /** Records that {@code edge} leads to {@code key}, producing {@code produced}; true if the key is new to the level. */
    boolean offer(Object key, long edge, State produced) {
        long h = hashOf(key);
        Stripe s = stripes[(int) (h >>> 58)];
        synchronized (s) {
            int i = slot(s, h, key);
            if (s.best[i] != EMPTY) {
                if (edge < s.best[i]) {
                    s.best[i] = edge;
                    if (keep) s.state[i] = produced;
                }
                return false;
            }
            s.hash[i] = h;
            s.best[i] = edge;
            if (!(key instanceof Long)) {
                if (s.key == null) s.key = new Object[s.hash.length];
                s.key[i] = key;
            }
            if (keep) {
                if (s.state == null) s.state = new State[s.hash.length];
                s.state[i] = produced;
            }
            if (++s.size * 2 > s.hash.length) grow(s);
        }
        size.incrementAndGet();
        return true;
    }

    /** The least edge recorded for {@code key} (which must be present). */
    long best(Object key) {
        long h = hashOf(key);
        Stripe s = stripes[(int) (h >>> 58)];
        synchronized (s) {
            return s.best[slot(s, h, key)];
        }
    }

    int size() {
        return size.get();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Where {@code key} is in {@code s}, or the empty slot where it would go. */
    private static int slot(Stripe s, long h, Object key) {
        int mask = s.hash.length - 1;
        for (int i = (int) Hash64.mix(h) & mask; ; i = (i + 1) & mask) {
            if (s.best[i] == EMPTY) return i;
            if (s.hash[i] == h && (s.key == null || s.key[i] == null || s.key[i].equals(key))) return i;
        }
    }

    private static void grow(Stripe s) {
        long[] hash = s.hash;
        long[] best = s.best;
        Object[] key = s.key;
        State[] state = s.state;
        int n = hash.length * 2;
        s.hash = new long[n];
        s.best = filled(n);
        s.key = key == null ? null : new Object[n];
        s.state = state == null ? null : new State[n];
        for (int j = 0; j < hash.length; j++) {
            if (best[j] == EMPTY) continue;
            int i = slot(s, hash[j], key == null ? null : key[j]);
            s.hash[i] = hash[j];
            s.best[i] = best[j];
            if (key != null) s.key[i] = key[j];
            if (state != null) s.state[i] = state[j];
        }
    }

    /** The level's states in the order of their least edges (called once the workers are done). */
    Sorted sorted() {
        int n = size();
        long[] best = new long[n];
        Object[] key = new Object[n];
        State[] state = new State[n];
        long[] order = new long[n];
        int k = 0;
        for (Stripe s : stripes) for (int j = 0; j < s.best.length; j++) if (s.best[j] != EMPTY) order[k++] = s.best[j];
        Arrays.sort(order); // edges are distinct: one request from one state reaches one state
        for (Stripe s : stripes) {
            for (int j = 0; j < s.best.length; j++) {
                if (s.best[j] == EMPTY) continue;
                int at = Arrays.binarySearch(order, s.best[j]);
                best[at] = s.best[j];
                key[at] = s.key != null && s.key[j] != null ? s.key[j] : Long.valueOf(s.hash[j]);
                state[at] = s.state == null ? null : s.state[j];
            }
        }
        return new Sorted(best, key, state);
    }

    /** The states of a level by least edge: the edge, the visited-set key, and the state (null if not kept). */
    record Sorted(long[] best, Object[] key, State[] state) {}
}
