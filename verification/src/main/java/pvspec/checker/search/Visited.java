package pvspec.checker.search;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import pvspec.checker.reduction.Canonicalizer;
import pvspec.checker.store.ByteSink;
import pvspec.checker.store.FingerprintSet;
import pvspec.checker.store.StateKey;
import pvspec.model.state.State;

/**
 * The states of the levels already numbered, by key: the canonical encoding itself (exact mode)
 * or its 64-bit hash (fingerprint mode, held in memory up to a limit and then on disk: a
 * {@link FingerprintSet}). It changes only between levels, by one thread; during a level the
 * workers only read it, and the level barrier orders the two.
 */
final class Visited implements AutoCloseable {
    private final Canonicalizer canon;
    private final boolean fingerprint;
    private final Set<StateKey> exact = new HashSet<>();
    private final FingerprintSet hashes;
    private long size;

    Visited(Canonicalizer canon, boolean fingerprint, long memoryLimit, Path spillDir) {
        this.canon = canon;
        this.fingerprint = fingerprint;
        this.hashes = new FingerprintSet(memoryLimit, spillDir);
    }

    /** The key of {@code s}: a {@link StateKey} or a {@link Long}. {@code sink} and {@code scratch} are the caller's buffers. */
    Object key(State s, ByteSink sink, ByteSink scratch) {
        canon.key(s, sink, scratch);
        return fingerprint ? (Object) sink.hash64() : new StateKey(sink.toArray());
    }

    boolean contains(Object key) {
        return fingerprint ? hashes.contains((Long) key) : exact.contains((StateKey) key);
    }

    void add(Object key) {
        if (fingerprint) hashes.add((Long) key);
        else exact.add((StateKey) key);
        size++;
    }

    long size() {
        return size;
    }

    /** Keys kept on disk (fingerprint mode). */
    long onDisk() {
        return hashes.onDisk();
    }

    @Override
    public void close() {
        hashes.close();
    }

    /** Fingerprint mode: the probability that some two of {@code n} distinct states got one hash (birthday bound). */
    static double collisionProbability(long n) {
        return Math.min(1.0, (double) n * n / Math.pow(2, 65));
    }
}
