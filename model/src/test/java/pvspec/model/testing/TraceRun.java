package pvspec.model.testing;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Result;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TracePrinter;
import pvspec.model.trace.TraceStep;

/**
 * Runs a trace on the model, checking each step's expectation and every invariant after every
 * step; fails with the trace so far, the step and what went wrong.
 */
public final class TraceRun {
    private final Trace trace;
    private final List<State> states = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();

    private TraceRun(Trace trace) {
        this.trace = trace;
    }

    /** Parse and run {@code text}. */
    public static TraceRun of(String name, String text) {
        try {
            return of(Trace.parse(name, text));
        } catch (pvspec.model.trace.TraceSyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static TraceRun of(Trace trace) {
        TraceRun run = new TraceRun(trace);
        State s = State.initial(trace.config());
        run.states.add(s);
        List<Violation> initial = Invariants.check(s);
        if (!initial.isEmpty()) throw new AssertionError("initial state violates " + initial);
        for (TraceStep step : trace.steps()) {
            Outcome o = Step.step(s, step.caller(), step.call());
            String line = "line " + step.line() + ": " + TracePrinter.step(trace.config(), step.caller(), step.call(), o.result())
                    + o.reason().map(r -> "   (" + r + ")").orElse("");
            if (step.expect().isPresent() && !step.expect().get().matches(o.result())) {
                throw new AssertionError("expected " + step.expect().get() + " but got " + o.result() + "\n  " + line);
            }
            List<Violation> v = Invariants.checkStep(s, step.caller(), step.call(), o.result(), o.state());
            if (!v.isEmpty()) throw new AssertionError("invariant broken after " + line + "\n  " + v);
            s = o.state();
            run.states.add(s);
            run.results.add(o.result());
        }
        return run;
    }

    public State finalState() {
        return states.get(states.size() - 1);
    }

    /** The state after step {@code i} (0 = initial). */
    public State state(int i) {
        return states.get(i);
    }

    public List<State> states() {
        return states;
    }

    public List<Result> results() {
        return results;
    }

    public Trace trace() {
        return trace;
    }
}
