package pvspec.verification.jpf;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The choice source without Java PathFinder: runs a harness once per choice vector, depth first
 * (the last choice varies fastest), the way JPF backtracks over its data choices, but without
 * state matching and without thread interleavings.
 */
public final class Enumerator implements Choices {
    /** The current vector: per choice made, {value, bound}. */
    private final List<int[]> trail = new ArrayList<>();
    private int position;
    private final BitSet completed = new BitSet();
    private int runs;

    @Override
    public int choose(int n) {
        if (n < 1) throw new IllegalArgumentException("a choice needs at least one value, got " + n);
        if (position < trail.size()) {
            int[] c = trail.get(position++);
            if (c[1] != n) throw new IllegalStateException("choice " + (position - 1) + " had " + c[1] + " values, now " + n + ": the harness is not deterministic");
            return c[0];
        }
        trail.add(new int[] {0, n});
        position++;
        return 0;
    }

    @Override
    public void completed(int vector) {
        completed.set(vector);
    }

    /** Runs {@code harness} for every choice vector; returns how many runs that took. */
    public int exhaust(Consumer<Choices> harness) {
        do {
            position = 0;
            harness.accept(this);
            runs++;
            if (position != trail.size()) throw new IllegalStateException("the harness made fewer choices than on its previous run");
        } while (advance());
        return runs;
    }

    private boolean advance() {
        while (!trail.isEmpty()) {
            int[] last = trail.get(trail.size() - 1);
            if (last[0] + 1 < last[1]) {
                last[0]++;
                return true;
            }
            trail.remove(trail.size() - 1);
        }
        return false;
    }

    /** The vectors reported complete. */
    public BitSet completed() {
        return (BitSet) completed.clone();
    }

    public int runs() {
        return runs;
    }
}
