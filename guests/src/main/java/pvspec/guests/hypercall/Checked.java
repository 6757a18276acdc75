package pvspec.guests.hypercall;

import java.util.List;
import java.util.function.Consumer;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.TracePrinter;

/**
 * Runs a {@link StepCheck} after every request, on the abstract states before and after it.
 * The request and the check are one atomic action, so with several vCPU threads the states
 * checked are exactly the ones around that request.
 */
public final class Checked implements Hypercalls {
    private final Hypercalls inner;
    private final StepCheck check;
    private long steps;

    public Checked(Hypercalls inner, StepCheck check) {
        this.inner = inner;
        this.check = check;
    }

    /** Every invariant after every step ({@link Invariants#checkStep}); the first violation throws. */
    public static Checked invariants(Hypercalls inner) {
        return invariants(inner, v -> {
            throw new InvariantViolated(v);
        });
    }

    /** Every invariant after every step; violations go to {@code sink} (e.g. an attack's report). */
    public static Checked invariants(Hypercalls inner, Consumer<String> sink) {
        Config config = inner.config();
        return new Checked(inner, (before, c, h, r, after) -> {
            List<Violation> v = Invariants.checkStep(before, c, h, r, after);
            if (!v.isEmpty()) sink.accept("after " + TracePrinter.step(config, c, h, r) + ": " + v);
        });
    }

    @Override
    public Config config() {
        return inner.config();
    }

    @Override
    public synchronized Reply call(Caller caller, Hypercall call) {
        State before = inner.abstractState();
        Reply r = inner.call(caller, call);
        steps++;
        check.check(before, caller, call, r.result(), inner.abstractState());
        return r;
    }

    @Override
    public State abstractState() {
        return inner.abstractState();
    }

    /** How many steps were checked. */
    public synchronized long steps() {
        return steps;
    }
}
