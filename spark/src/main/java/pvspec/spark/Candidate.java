package pvspec.spark;

import java.io.Serializable;

/**
 * Every transition of a level into one key, folded: the least path that reached it (null if only
 * self-loops were recorded under the key), and the least transition into it that broke an
 * invariant's step constraint (null: none).
 */
record Candidate(int[] best, int[] broken) implements Serializable {
    static Candidate reached(int[] path, boolean brokenStep) {
        return new Candidate(path, brokenStep ? path : null);
    }

    static Candidate brokenLoop(int[] path) {
        return new Candidate(null, path);
    }

    Candidate merge(Candidate o) {
        return new Candidate(Paths.min(best, o.best), Paths.min(broken, o.broken));
    }
}
