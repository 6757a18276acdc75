package pvspec.properties.run;

import java.util.Optional;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;

/**
 * A property checked along a sequence of requests: told the start state, then each step with
 * the model's outcome; it answers why it is broken, or nothing. A fresh instance is made for
 * every run (properties may keep their own state, e.g. a hypervisor run in lockstep).
 */
public interface Property {
    String name();

    default void start(State initial) {}

    /** Why the property is broken after this step, if it is. */
    Optional<String> afterStep(State before, TraceStep step, Outcome outcome);
}
