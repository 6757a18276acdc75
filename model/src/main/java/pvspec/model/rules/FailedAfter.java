package pvspec.model.rules;

import pvspec.model.abi.check.Check;
import pvspec.model.state.State;

/**
 * A refusal that keeps effects: Xen changed state before the check failed, and the guest sees
 * that state with the error (a resumed validation that fails tears the partial table down,
 * mm.c:1464-1489, 2663-2676, 3177-3212).
 */
final class FailedAfter extends StacklessException {
    private final Check check;
    private final State state;

    FailedAfter(Check check, State state) {
        super(check.sentence());
        this.check = check;
        this.state = state;
    }

    Check check() {
        return check;
    }

    State state() {
        return state;
    }

    FailedAfter with(State s) {
        return new FailedAfter(check, s);
    }
}
