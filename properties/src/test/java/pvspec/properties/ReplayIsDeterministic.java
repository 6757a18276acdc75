package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Result;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;
import pvspec.properties.gen.Generator;
import pvspec.properties.run.Replays;
import pvspec.properties.run.Settings;
import pvspec.properties.run.Worlds;

/** Property 7: replaying a trace (also after printing and parsing it) gives the same results and states. */
class ReplayIsDeterministic {
    @Test
    void aGeneratedTraceReplaysIdentically() throws Exception {
        Settings settings = Settings.fromSystemProperties(10, 300);
        for (int i = 0; i < settings.tries(); i++) {
            Trace world = Worlds.twoGuests();
            Generator g = new Generator(settings.firstSeed() + i, settings.hostility());
            State s = State.initial(world.config());
            for (TraceStep w : world.steps()) s = Step.step(s, w.caller(), w.call()).state();
            List<TraceStep> steps = new ArrayList<>(world.steps());
            List<Result> results = new ArrayList<>();
            List<State> states = new ArrayList<>();
            for (int k = 0; k < settings.steps(); k++) {
                TraceStep t = g.next(s);
                Outcome o = Step.step(s, t.caller(), t.call());
                steps.add(t);
                results.add(o.result());
                states.add(o.state());
                s = o.state();
            }
            Trace recorded = Replays.withResults(new Trace(world.config(), steps));
            Trace reparsed = Trace.parse("replay", recorded.print());
            State r = State.initial(world.config());
            for (int k = 0; k < reparsed.steps().size(); k++) {
                TraceStep t = reparsed.steps().get(k);
                Outcome o = Step.step(r, t.caller(), t.call());
                assertThat(t.expect().orElseThrow().matches(o.result())).as("seed %d line %d", settings.firstSeed() + i, k).isTrue();
                int j = k - world.steps().size();
                if (j >= 0) {
                    assertThat(o.result()).isEqualTo(results.get(j));
                    assertThat(o.state()).isEqualTo(states.get(j));
                }
                r = o.state();
            }
        }
    }
}
