package pvspec.checker;

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
 */
public record Options(int threads, OptionalInt depth, OptionalLong maxStates, long timeLimitMillis, boolean fingerprint,
                      boolean independence, Set<Symmetry> symmetry, StepFunction model,
                      Supplier<? extends Implementation> implementation, long progressMillis) {

    public Options {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        symmetry = symmetry.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(symmetry));
        if (model == null) throw new IllegalArgumentException("model");
    }

    /** Every core, the configuration's bounds, exact states, every sound reduction, no conformance. */
    public static Options defaults() {
        return new Options(Runtime.getRuntime().availableProcessors(), OptionalInt.empty(), OptionalLong.empty(), 0, false,
                true, EnumSet.allOf(Symmetry.class), StepFunction.MODEL, null, 1000);
    }

    public Options withThreads(int n) {
        return new Options(n, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis);
    }

    public Options withDepth(int d) {
        return new Options(threads, OptionalInt.of(d), maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis);
    }

    public Options withMaxStates(long n) {
        return new Options(threads, depth, OptionalLong.of(n), timeLimitMillis, fingerprint, independence, symmetry, model, implementation, progressMillis);
    }

    public Options withTimeLimitMillis(long ms) {
        return new Options(threads, depth, maxStates, ms, fingerprint, independence, symmetry, model, implementation, progressMillis);
    }

    public Options withFingerprint(boolean f) {
        return new Options(threads, depth, maxStates, timeLimitMillis, f, independence, symmetry, model, implementation, progressMillis);
    }

    public Options withIndependence(boolean i) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, i, symmetry, model, implementation, progressMillis);
    }

    public Options withSymmetry(Set<Symmetry> s) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, s, model, implementation, progressMillis);
    }

    /** No reductions at all: the reference search the reductions are tested against. */
    public Options unreduced() {
        return withIndependence(false).withSymmetry(Set.of());
    }

    public Options withModel(StepFunction m) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, m, implementation, progressMillis);
    }

    public Options withImplementation(Supplier<? extends Implementation> impl) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, impl, progressMillis);
    }

    public Options withProgressMillis(long ms) {
        return new Options(threads, depth, maxStates, timeLimitMillis, fingerprint, independence, symmetry, model, implementation, ms);
    }
}
