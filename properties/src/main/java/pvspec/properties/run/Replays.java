package pvspec.properties.run;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.trace.Expectation;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/** Traces annotated with the results the model gives, so a replay checks them. */
public final class Replays {
    private Replays() {}

    public static Trace withResults(Trace t) {
        State s = State.initial(t.config());
        List<TraceStep> out = new ArrayList<>();
        for (TraceStep step : t.steps()) {
            Outcome o = Step.step(s, step.caller(), step.call());
            out.add(new TraceStep(step.caller(), step.call(), java.util.Optional.of(Expectation.of(o.result())), 0));
            s = o.state();
        }
        return new Trace(t.config(), out);
    }
}
