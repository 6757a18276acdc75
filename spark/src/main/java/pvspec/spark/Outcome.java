package pvspec.spark;

import java.io.Serializable;
import pvspec.checker.search.LevelKernel;

/**
 * What one key of a level came to: a new state (with its least path), or something found on a
 * transition (a violation or a reach query's witness, with the path to report).
 */
record Outcome(Kind kind, int[] path) implements Serializable {
    enum Kind { NEW, VIOLATION, WITNESS }

    static Outcome of(LevelKernel.Verdict v, int[] path) {
        return new Outcome(v == LevelKernel.Verdict.WITNESS ? Kind.WITNESS : Kind.VIOLATION, path);
    }

    boolean isNew() {
        return kind == Kind.NEW;
    }
}
