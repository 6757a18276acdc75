package pvspec.verification.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import pvspec.model.abi.Result;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/**
 * Replays a trace on the model and on every other side in lockstep: after each step the results
 * must be equal, each side's abstract state must equal the model's, the trace's expectation (if
 * any) must hold, and every invariant must hold. Stops at the first problem.
 */
public final class Replayer {
    private Replayer() {}

    /** One replayed step: its results per side, the invariants' verdict, and what went wrong. */
    public record Row(TraceStep step, List<Result> results, Optional<String> reason, List<Violation> violations, Optional<String> problem) {}

    public record Report(Trace trace, List<String> sides, List<Row> rows, State finalState) {
        public boolean ok() {
            return rows.stream().noneMatch(r -> r.problem().isPresent());
        }

        public Optional<Row> firstProblem() {
            return rows.stream().filter(r -> r.problem().isPresent()).findFirst();
        }
    }

    public static Report replay(Trace t, List<Function<Config, Side>> others) {
        ModelSide model = new ModelSide(t.config());
        List<Side> rest = new ArrayList<>();
        for (Function<Config, Side> f : others) rest.add(f.apply(t.config()));
        List<String> names = new ArrayList<>();
        names.add(model.name());
        for (Side s : rest) names.add(s.name());
        List<Row> rows = new ArrayList<>();
        for (TraceStep step : t.steps()) {
            State before = model.abstractState();
            Result expected = model.apply(step.caller(), step.call());
            List<Result> results = new ArrayList<>(List.of(expected));
            Optional<String> problem = Optional.empty();
            for (Side s : rest) {
                Result r = s.apply(step.caller(), step.call());
                results.add(r);
                if (problem.isEmpty() && !r.equals(expected)) problem = Optional.of(s.name() + " returned " + r + ", the model " + expected);
                if (problem.isEmpty() && !s.abstractState().equals(model.abstractState())) problem = Optional.of(s.name() + "'s state differs from the model's");
            }
            if (problem.isEmpty() && step.expect().isPresent() && !step.expect().get().matches(expected)) {
                problem = Optional.of("expected " + step.expect().get() + ", got " + expected);
            }
            List<Violation> v = Invariants.checkStep(before, step.caller(), step.call(), expected, model.abstractState());
            if (problem.isEmpty() && !v.isEmpty()) problem = Optional.of("invariant broken: " + v.get(0));
            rows.add(new Row(step, results, model.lastReason(), v, problem));
            if (problem.isPresent()) break;
        }
        return new Report(t, names, rows, model.abstractState());
    }
}
