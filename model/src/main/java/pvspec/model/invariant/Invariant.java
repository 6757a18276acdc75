package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/**
 * One named invariant (INV-1 to INV-13, listed by {@code pvspec spec}): a predicate on states that returns what it finds broken.
 * Some also constrain a single step (what a request may change); those override
 * {@link #stepConstraint}.
 */
public interface Invariant {

    /** Its id, {@code INV-1} to {@code INV-13}. */
    String id();

    /** Its name, e.g. {@code no-writable-pagetable}. */
    String name();

    /** What it states, in one sentence. */
    String statement();

    /** The class that defines it. */
    default String definedIn() {
        return getClass().getName();
    }

    /**
     * The test classes that exercise it: its own (named after it, showing it holds on reachable
     * states and catches broken ones) and the family-by-invariant matrix; other modules' suites
     * check every invariant after every step.
     */
    default List<String> testedBy() {
        return List.of(getClass().getName() + "Test", "pvspec.model.invariant.FamilyInvariantMatrixTest");
    }

    /** The violations in {@code facts.state()}; empty when the invariant holds. */
    List<Violation> check(Facts facts);

    /**
     * What this invariant forbids a single step to do, beyond what it asks of every state: the
     * violations of that part alone (none for a pure state invariant). A model checker that has
     * already checked the state after the step needs only this.
     */
    default List<Violation> stepConstraint(State before, Caller caller, Hypercall request, Result result, State after) {
        return List.of();
    }

    /** The violations of one step: those of the state after it, then those of its step constraint. */
    default List<Violation> checkStep(State before, Caller caller, Hypercall request, Result result, Facts after) {
        List<Violation> step = stepConstraint(before, caller, request, result, after.state());
        if (step.isEmpty()) return check(after);
        List<Violation> out = new ArrayList<>(check(after));
        out.addAll(step);
        return out;
    }

    /** Convenience for one state. */
    default List<Violation> check(State s) {
        return check(Facts.of(s));
    }
}
