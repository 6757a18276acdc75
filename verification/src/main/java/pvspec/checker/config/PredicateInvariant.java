package pvspec.checker.config;

import java.util.List;
import pvspec.model.invariant.Facts;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Violation;

/** A check file's {@code #! invariant NAME: PREDICATE}, checked like INV-1..INV-13. */
record PredicateInvariant(NamedPredicate p) implements Invariant {
    @Override public String id() { return p.name(); }
    @Override public String name() { return p.name(); }
    @Override public String statement() { return p.text(); }

    @Override
    public List<Violation> check(Facts facts) {
        return p.predicate().test(facts) ? List.of() : List.of(Violation.of(p.name(), "'" + p.text() + "' is false"));
    }
}
