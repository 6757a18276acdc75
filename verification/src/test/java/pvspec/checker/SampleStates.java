package pvspec.checker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Request;
import pvspec.checker.config.StepFunction;
import pvspec.checker.search.Scenario;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** A varied set of reachable states for codec tests: every state of the model's scenario traces and a BFS prefix of a configuration. */
public final class SampleStates {
    private SampleStates() {}

    public static List<State> scenarios() {
        List<State> out = new ArrayList<>();
        for (String name : Scenarios.ALL) out.addAll(TraceRun.of(Scenarios.trace(name)).states());
        return out;
    }

    public static List<State> explore(CheckConfig cfg, int depth, int limit) {
        Set<State> seen = new LinkedHashSet<>();
        List<State> level = List.of(Scenario.finalState(cfg.scenario(), StepFunction.MODEL));
        seen.addAll(level);
        for (int d = 0; d < depth && seen.size() < limit; d++) {
            List<State> next = new ArrayList<>();
            for (State s : level) {
                if (seen.size() >= limit) break;
                for (Request r : cfg.requests().all()) {
                    State t = Step.step(s, r.caller(), r.call()).state();
                    if (seen.size() < limit && seen.add(t)) next.add(t);
                }
            }
            level = next;
        }
        return new ArrayList<>(seen);
    }
}
