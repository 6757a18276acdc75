package pvspec.checker.config;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;

/**
 * The transition function the checker explores: the model's {@link Step#step} by default. Tests
 * plug in variants with a broken rule to show the checker finds what they break; such a variant
 * must stay a deterministic function of its arguments.
 */
@FunctionalInterface
public interface StepFunction {
    StepFunction MODEL = Step::step;

    Outcome step(State s, Caller caller, Hypercall call);
}
