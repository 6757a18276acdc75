package pvspec.model.rules;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import pvspec.model.abi.Caller;
import pvspec.model.abi.check.Check;
import pvspec.model.state.State;

/**
 * A refusal that keeps effects: Xen changed state before the check failed, and the guest sees
 * that state with the error (a resumed validation that fails tears the partial table down,
 * mm.c:1464-1489, 2663-2676, 3177-3212).
 */
final class FailedAfter extends StacklessException {
    private final Check check;
    private final Function<Caller, State> state;

    /** {@code state}: what the guest sees, given the vCPU whose request ran (Xen's {@code current}). */
    FailedAfter(Check check, Function<Caller, State> state) {
        super(check.sentence());
        this.check = check;
        this.state = state;
    }

    Check check() {
        return check;
    }

    State state(Caller current) {
        return state.apply(current);
    }

    /** The same failure, {@code more} done after it (the caller's own undo). */
    FailedAfter then(UnaryOperator<State> more) {
        return new FailedAfter(check, c -> more.apply(state.apply(c)));
    }
}
