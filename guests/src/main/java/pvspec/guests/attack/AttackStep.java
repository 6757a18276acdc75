package pvspec.guests.attack;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.trace.Expectation;

/**
 * One attack request: its position in the trace, what was asked, what the hypervisor had to
 * answer, and what it did answer.
 */
public record AttackStep(int traceIndex, Caller caller, Hypercall call, Expectation expected, Result actual) {
    public boolean asExpected() {
        return expected.matches(actual);
    }
}
