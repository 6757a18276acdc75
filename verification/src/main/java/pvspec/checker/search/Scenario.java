package pvspec.checker.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pvspec.checker.config.StepFunction;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/**
 * Runs a configuration's scenario on the explored transition function, checking every invariant
 * after every step (a variant of the model may already break one there).
 */
public final class Scenario {
    private Scenario() {}

    /** The state reached, or the prefix up to the first violating step and what it broke. */
    public record Run(Trace trace, State state, Optional<List<Violation>> violation) {}

    public static Run run(Trace scenario, StepFunction model) {
        State s = State.initial(scenario.config());
        List<Violation> initial = Invariants.check(s);
        if (!initial.isEmpty()) return new Run(scenario.prefix(0), s, Optional.of(initial));
        List<TraceStep> done = new ArrayList<>();
        for (TraceStep step : scenario.steps()) {
            done.add(step);
            Outcome o;
            try {
                o = model.step(s, step.caller(), step.call());
            } catch (RuntimeException e) {
                Violation v = Violation.of("step-total", "the step function threw " + e + " (it must return a result for every request)");
                return new Run(new Trace(scenario.config(), done), s, Optional.of(List.of(v)));
            }
            List<Violation> v = Invariants.checkStep(s, step.caller(), step.call(), o.result(), o.state());
            s = o.state();
            if (!v.isEmpty()) return new Run(new Trace(scenario.config(), done), s, Optional.of(v));
        }
        return new Run(scenario, s, Optional.empty());
    }

    public static State finalState(Trace scenario, StepFunction model) {
        return run(scenario, model).state();
    }
}
