package pvspec.checker.search;

import java.util.ArrayList;
import java.util.List;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Implementation;
import pvspec.checker.config.NamedPredicate;
import pvspec.checker.config.Request;
import pvspec.checker.config.StepFunction;
import pvspec.checker.report.Counterexample;
import pvspec.checker.report.Divergence;
import pvspec.checker.report.Witness;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.state.StateDiff;
import pvspec.model.trace.Expectation;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/**
 * Turns a path of the search (request ids from the initial state) into a trace by running it
 * again from the start: the scenario, then each request with the result it got as its
 * expectation. What the last step broke is computed again on the concrete states, so it names
 * the real frames and ports.
 */
final class Traces {
    private Traces() {}

    static Found build(CheckConfig cfg, StepFunction model, Request[] req, List<Integer> path, Implementation impl) {
        State s = Scenario.finalState(cfg.scenario(), model);
        List<TraceStep> steps = new ArrayList<>(cfg.scenario().steps());
        int scenarioSteps = steps.size();
        for (int k = 0; k < path.size(); k++) {
            Request r = req[path.get(k)];
            boolean last = k == path.size() - 1;
            Outcome o;
            try {
                o = model.step(s, r.caller(), r.call());
            } catch (RuntimeException e) {
                steps.add(TraceStep.of(r.caller(), r.call()));
                Violation v = Violation.of("step-total", "the step function threw " + e + " (it must return a result for every request)");
                return Found.of(new Counterexample(new Trace(cfg.config(), steps), scenarioSteps, List.of(v)));
            }
            steps.add(TraceStep.of(r.caller(), r.call()).expecting(Expectation.of(o.result())));
            if (last) {
                Trace trace = new Trace(cfg.config(), steps);
                if (impl != null) return Found.of(divergence(trace, scenarioSteps, s, r, o, impl));
                List<Violation> v = cfg.properties().checkStep(s, r.caller(), r.call(), o.result(), o.state());
                if (v.isEmpty()) throw new IllegalStateException("the violation did not recur when the trace was run again: is the step function deterministic?");
                return Found.of(new Counterexample(trace, scenarioSteps, v));
            }
            s = o.state();
        }
        throw new IllegalArgumentException("empty path");
    }

    /** The witness of a reach query along {@code path}: the path run again, each step with its result as expectation. */
    static Found witness(CheckConfig cfg, StepFunction model, Request[] req, List<Integer> path) {
        State s = Scenario.finalState(cfg.scenario(), model);
        List<TraceStep> steps = new ArrayList<>(cfg.scenario().steps());
        int scenarioSteps = steps.size();
        for (int id : path) {
            Request r = req[id];
            Outcome o = model.step(s, r.caller(), r.call());
            steps.add(TraceStep.of(r.caller(), r.call()).expecting(Expectation.of(o.result())));
            s = o.state();
        }
        NamedPredicate q = cfg.properties().reached(s)
                .orElseThrow(() -> new IllegalStateException("the reach query did not hold when the trace was run again: is the step function deterministic?"));
        return Found.of(new Witness(new Trace(cfg.config(), steps), scenarioSteps, q));
    }

    /** What the run's own properties say of the initial state: a broken invariant or a reach query that already holds, else null. */
    static Found atRoot(CheckConfig cfg, Trace scenario, State root) {
        int n = scenario.steps().size();
        List<Violation> v = cfg.properties().check(root);
        if (!v.isEmpty()) return Found.of(new Counterexample(scenario, n, v));
        return cfg.properties().reached(root).map(q -> Found.of(new Witness(scenario, n, q))).orElse(null);
    }

    private static Divergence divergence(Trace trace, int scenarioSteps, State before, Request r, Outcome o, Implementation impl) {
        Implementation.Observed seen;
        try {
            seen = impl.run(before, r.caller(), r.call());
        } catch (RuntimeException e) {
            return new Divergence(trace, scenarioSteps, o.result(), o.result(), List.of("the implementation threw " + e));
        }
        List<String> differences = new java.util.ArrayList<>();
        if (!o.check().equals(seen.reply().check())) {
            differences.add("refused by " + seen.reply().checkId() + ", the model by " + o.reply().checkId());
        }
        differences.addAll(StateDiff.between(o.state(), seen.state()));
        return new Divergence(trace, scenarioSteps, o.result(), seen.result(), differences);
    }
}
