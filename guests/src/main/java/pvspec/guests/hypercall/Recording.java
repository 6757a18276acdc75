package pvspec.guests.hypercall;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.Expectation;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/**
 * Records every request and its result as a {@link Trace} whose lines expect the results they
 * got, so that replaying the trace checks them. The call and the record are one atomic action:
 * the trace is the order in which the machine saw the requests.
 */
public final class Recording implements Hypercalls {
    private final Hypercalls inner;
    private final List<TraceStep> steps = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();

    public Recording(Hypercalls inner) {
        this.inner = inner;
    }

    @Override
    public Config config() {
        return inner.config();
    }

    @Override
    public synchronized Reply call(Caller caller, Hypercall call) {
        Reply r = inner.call(caller, call);
        steps.add(TraceStep.of(caller, call).expecting(Expectation.of(r.result())));
        results.add(r.result());
        return r;
    }

    @Override
    public State abstractState() {
        return inner.abstractState();
    }

    /** What was recorded so far. */
    public synchronized Trace trace() {
        return new Trace(inner.config(), steps);
    }

    /** The results, in trace order (the trace prints some of them, e.g. extents, only in part). */
    public synchronized List<Result> results() {
        return List.copyOf(results);
    }

    public synchronized int size() {
        return steps.size();
    }
}
