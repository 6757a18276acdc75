package pvspec.properties.shrink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/**
 * Shrinks a failing trace to a small one that still fails: delta debugging over the steps
 * (Zeller's ddmin), then simplification of each remaining step's arguments
 * ({@link Simplifier}), repeated until nothing more can be removed or simplified.
 */
public final class Shrinker {
    private final Predicate<Trace> fails;
    private int evaluations;

    /** @param fails whether a candidate trace still breaks the property */
    public Shrinker(Predicate<Trace> fails) {
        this.fails = fails;
    }

    public Trace shrink(Trace t) {
        Trace best = t;
        for (int round = 0; round < 8; round++) {
            Trace next = simplify(ddmin(best));
            if (next.equals(best)) break;
            best = next;
        }
        return best;
    }

    /** How many candidate traces were tried. */
    public int evaluations() {
        return evaluations;
    }

    private boolean test(Trace t) {
        evaluations++;
        return fails.test(t);
    }

    /** ddmin: try removing chunks of steps, halving the chunk size when nothing can go. */
    Trace ddmin(Trace t) {
        List<TraceStep> steps = new ArrayList<>(t.steps());
        int n = 2;
        while (steps.size() >= 2) {
            int chunk = (int) Math.ceil(steps.size() / (double) n);
            boolean removed = false;
            for (int start = 0; start < steps.size(); start += chunk) {
                List<TraceStep> without = new ArrayList<>(steps.subList(0, start));
                without.addAll(steps.subList(Math.min(steps.size(), start + chunk), steps.size()));
                if (test(new Trace(t.config(), without))) {
                    steps = without;
                    n = Math.max(n - 1, 2);
                    removed = true;
                    break;
                }
            }
            if (!removed) {
                if (chunk == 1) break;
                n = Math.min(steps.size(), n * 2);
            }
        }
        return new Trace(t.config(), steps);
    }

    /** Replace each step by a simpler one that keeps the failure. */
    Trace simplify(Trace t) {
        List<TraceStep> steps = new ArrayList<>(t.steps());
        for (int i = 0; i < steps.size(); i++) {
            for (TraceStep candidate : Simplifier.candidates(t.config(), steps.get(i))) {
                List<TraceStep> tried = new ArrayList<>(steps);
                tried.set(i, candidate);
                if (test(new Trace(t.config(), tried))) {
                    steps = tried;
                }
            }
        }
        return new Trace(t.config(), steps);
    }
}
