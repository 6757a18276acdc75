package pvspec.checker.predicate;

import pvspec.model.invariant.Facts;
import pvspec.model.state.State;

/**
 * A condition on one state of the model, written in the check-file language
 * ({@link PredicateParser} reads it; {@code docs/check-files.md} is its reference).
 */
@FunctionalInterface
public interface Predicate {
    boolean test(Facts facts);

    default boolean test(State s) {
        return test(Facts.of(s));
    }

    default Predicate and(Predicate o) {
        return f -> test(f) && o.test(f);
    }

    default Predicate or(Predicate o) {
        return f -> test(f) || o.test(f);
    }

    default Predicate negate() {
        return f -> !test(f);
    }

    static Predicate compare(Term a, Operator op, Term b) {
        return f -> op.test(a.value(f), b.value(f));
    }
}
