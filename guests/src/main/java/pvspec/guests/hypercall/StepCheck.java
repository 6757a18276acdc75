package pvspec.guests.hypercall;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/** Something to verify about one step, given the abstract states around it. */
@FunctionalInterface
public interface StepCheck {
    /** Throws (or records) when the step is wrong. */
    void check(State before, Caller caller, Hypercall call, Result result, State after);
}
