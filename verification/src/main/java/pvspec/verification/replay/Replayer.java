package pvspec.verification.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.ModelHypercalls;
import pvspec.guests.hypercall.Target;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Reply;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/**
 * Replays a trace on the model and on every other implementation in lockstep: after each step
 * the results must be equal and refused by the same check, each implementation's abstract state must equal the model's, the
 * trace's expectation (if any) must hold, and every invariant must hold. Stops at the first
 * problem.
 */
public final class Replayer {
    private Replayer() {}

    /** One replayed step: its replies (model first; each a result and, for a refusal, its check), the invariants' verdict, and what went wrong. */
    public record Row(TraceStep step, List<Reply> replies, List<Violation> violations, Optional<String> problem) {
        public List<Result> results() {
            return replies.stream().map(Reply::result).toList();
        }

        /** Why the model refused, in its words. */
        public Optional<String> reason() {
            return replies.get(0).check().map(Check::sentence);
        }

        /** Every side's refusal id (model first, "-" where nothing was refused) and the model's reason, if any side refused. */
        public Optional<String> refusals() {
            if (replies.stream().allMatch(r -> r.check().isEmpty())) return Optional.empty();
            String ids = replies.stream().map(Reply::checkId).collect(java.util.stream.Collectors.joining(" | "));
            return Optional.of(ids + reason().map(x -> ": " + x).orElse(""));
        }
    }

    public record Report(Trace trace, List<String> implementations, List<Row> rows, State finalState) {
        public boolean ok() {
            return rows.stream().noneMatch(r -> r.problem().isPresent());
        }

        public Optional<Row> firstProblem() {
            return rows.stream().filter(r -> r.problem().isPresent()).findFirst();
        }
    }

    /** @param others the implementations to check against the model (not the model itself) */
    public static Report replay(Trace t, List<Target> others) {
        ModelHypercalls model = new ModelHypercalls(t.config());
        List<Hypercalls> machines = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("model"));
        for (Target o : others) {
            machines.add(o.boot(t.config()));
            names.add(o.name());
        }
        List<Row> rows = new ArrayList<>();
        for (TraceStep step : t.steps()) {
            State before = model.abstractState();
            Reply modelReply = model.call(step.caller(), step.call());
            Result expected = modelReply.result();
            State after = model.abstractState();
            List<Reply> replies = new ArrayList<>(List.of(modelReply));
            Optional<String> problem = Optional.empty();
            for (int i = 0; i < machines.size(); i++) {
                Reply r = machines.get(i).call(step.caller(), step.call());
                replies.add(r);
                String name = names.get(i + 1);
                if (problem.isEmpty() && !r.equals(modelReply)) problem = Optional.of(name + " returned " + r + ", the model " + modelReply);
                if (problem.isEmpty() && !machines.get(i).abstractState().equals(after)) problem = Optional.of(name + "'s state differs from the model's");
            }
            if (problem.isEmpty() && step.expect().isPresent() && !step.expect().get().matches(expected)) {
                problem = Optional.of("expected " + step.expect().get() + ", got " + expected);
            }
            List<Violation> v = Invariants.checkStep(before, step.caller(), step.call(), expected, after);
            if (problem.isEmpty() && !v.isEmpty()) problem = Optional.of("invariant broken: " + v.get(0));
            rows.add(new Row(step, replies, v, problem));
            if (problem.isPresent()) break;
        }
        return new Report(t, names, rows, model.abstractState());
    }

    /** The implementations other than the model that are on the class path. */
    public static List<Target> implementations() {
        List<Target> all = new ArrayList<>(pvspec.guests.hypercall.Targets.all());
        all.removeIf(x -> x.name().equals("model"));
        return all;
    }
}
