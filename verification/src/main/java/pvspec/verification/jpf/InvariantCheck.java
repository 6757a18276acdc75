package pvspec.verification.jpf;

import java.util.List;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.state.State;

/** The model's invariants on a state, inside Java PathFinder or on the JVM. */
final class InvariantCheck {
    private InvariantCheck() {}

    /**
     * The first violation of INV-1..INV-13 in {@code s}, as "INV-n: message", or null. The text
     * is built by hand: {@link Violation} is a record, and JPF cannot run its generated toString.
     */
    static String firstViolation(State s) {
        List<Violation> broken = Invariants.check(s);
        return broken.isEmpty() ? null : broken.get(0).invariant() + ": " + broken.get(0).message();
    }
}
