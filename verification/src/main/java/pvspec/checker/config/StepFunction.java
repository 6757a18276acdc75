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
    /** The model, with its reap apart for the independence reduction ({@link Step#stepBeforeReap}). */
    StepFunction MODEL = new StepFunction() {
        @Override public Outcome step(State s, Caller caller, Hypercall call) {
            return Step.step(s, caller, call);
        }

        @Override public Outcome stepBeforeReap(State s, Caller caller, Hypercall call) {
            return Step.stepBeforeReap(s, caller, call);
        }

        @Override public boolean reapsApart() {
            return true;
        }
    };

    Outcome step(State s, Caller caller, Hypercall call);

    /**
     * {@link #step} without the model's final {@link Step#reap} when {@link #reapsApart}; a variant
     * that does not say so is observed whole (its footprint then includes the reap's scan of
     * every domain: sound, and it reduces less).
     */
    default Outcome stepBeforeReap(State s, Caller caller, Hypercall call) {
        return step(s, caller, call);
    }

    /** Whether {@link #step} is {@link #stepBeforeReap} followed by {@link Step#reap} (when it changed the state). */
    default boolean reapsApart() {
        return false;
    }
}
