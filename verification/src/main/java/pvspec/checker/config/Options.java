package pvspec.checker.config;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How to run a check. Start from {@link #defaults()} and change what you need:
 * {@code Options.defaults().withThreads(1).withDepth(2)}.
 *
 * @param threads worker threads (the level being expanded is shared among them)
 * @param depth the deepest level to reach; empty: the configuration's {@code #! depth}, or none
 * @param maxStates stop (and report the search as cut) once this many distinct states are found;
 *     empty: the configuration's {@code #! states}, or none
 * @param timeLimitMillis stop (cut) after this long; 0: no limit
 * @param fingerprint keep 64-bit hashes of states instead of their encodings (the report then
 *     gives the probability that two distinct states collided)
 * @param independence use the independence reduction (turned off in conformance mode, where
 *     every transition must be compared)
 * @param symmetry the symmetry reductions to use where they are sound for the configuration
 * @param model the transition function to explore
 * @param implementation conformance mode: each worker's implementation under test; null: off
 * @param progressMillis how often the progress listener hears from the search
 * @param fingerprintsInMemory fingerprint mode: how many fingerprints stay in memory; beyond that
 *     they are sorted into a file on disk ({@link pvspec.checker.store.FingerprintSet}), so memory stays bounded
 * @param checkpointDir where checkpoints go (also the fingerprint file); null: no checkpoints,
 *     fingerprints in a temporary directory
 * @param checkpointMillis how often to checkpoint (at the end of the level then being expanded);
 *     0: only when the search stops unfinished
 * @param recoverFrom a checkpoint directory to resume from; null: start afresh
 */
public record Options(int threads, OptionalInt depth, OptionalLong maxStates, long timeLimitMillis, boolean fingerprint,
                      boolean independence, Set<Symmetry> symmetry, StepFunction model,
                      Supplier<? extends Implementation> implementation, long progressMillis,
                      long fingerprintsInMemory, Path checkpointDir, long checkpointMillis, Path recoverFrom) {

    public Options {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        symmetry = symmetry.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(symmetry));
        if (model == null) throw new IllegalArgumentException("model");
        if (fingerprintsInMemory < 1) throw new IllegalArgumentException("fingerprintsInMemory must be at least 1");
    }

    /** A quarter of the heap for the in-memory fingerprint table (16 bytes a fingerprint at its fullest). */
    static long defaultFingerprintsInMemory() {
        return Math.max(1 << 16, Runtime.getRuntime().maxMemory() / 4 / 16);
    }

    /** {@code auto}: every core; otherwise a positive number. */
    public static int workers(String spec) {
        if (spec.equals("auto")) return Runtime.getRuntime().availableProcessors();
        int n = Integer.parseInt(spec);
        if (n < 1) throw new NumberFormatException();
        return n;
    }

    /** Every core, the configuration's bounds, exact states, every sound reduction, no conformance. */
    public static Options defaults() {
        return new Options(Runtime.getRuntime().availableProcessors(), OptionalInt.empty(), OptionalLong.empty(), 0, false, true, EnumSet.allOf(Symmetry.class), StepFunction.MODEL, null, 1000, defaultFingerprintsInMemory(), null, 0, null);
    }

    public Options withThreads(int n) {
        return new Options(n, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    public Options withDepth(int d) {
        return new Options(threads, OptionalInt.of(d), maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    public Options withMaxStates(long n) {
        return new Options(threads, depth, OptionalLong.of(n), timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    public Options withTimeLimitMillis(long ms) {
        return new Options(threads, depth, maxStates, ms, fingerprint, independence, symmetry, model, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    public Options withFingerprint(boolean f) {
        return new Options(threads, depth, maxStates, timeLimitMillis, f, independence, symmetry, model, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    public Options withIndependence(boolean i) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, i, symmetry, model, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    public Options withSymmetry(Set<Symmetry> s) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, s, model, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    /** No reductions at all: the reference search the reductions are tested against. */
    public Options unreduced() {
        return withIndependence(false).withSymmetry(Set.of());
    }

    public Options withModel(StepFunction m) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, m, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    public Options withImplementation(Supplier<? extends Implementation> impl) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, impl, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }

    /** Fingerprints kept in memory before they move to disk (fingerprint mode). */
    public Options withFingerprintsInMemory(long n) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis, n, checkpointDir, checkpointMillis, recoverFrom);
    }

    /** Write a checkpoint into {@code dir} every {@code everyMillis} (at the end of the level being expanded then), and when the search stops unfinished. */
    public Options withCheckpoints(Path dir, long everyMillis) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis, fingerprintsInMemory, dir, everyMillis, recoverFrom);
    }

    /** Resume the search from the checkpoint in {@code dir}. */
    public Options withRecoverFrom(Path dir) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis, fingerprintsInMemory, checkpointDir, checkpointMillis, dir);
    }

    public Options withProgressMillis(long ms) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, ms, fingerprintsInMemory, checkpointDir, checkpointMillis, recoverFrom);
    }
}
