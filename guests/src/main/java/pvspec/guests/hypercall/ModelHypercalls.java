package pvspec.guests.hypercall;

import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Reply;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * The model as a machine: holds the current state and advances it with {@link Step#step}.
 * Calls from several vCPU threads are serialized (the model has no concurrency of its own).
 */
public final class ModelHypercalls implements Hypercalls {
    private State state;
    private Optional<Check> lastCheck = Optional.empty();

    public ModelHypercalls(Config config) {
        this(State.initial(config));
    }

    public ModelHypercalls(State initial) {
        this.state = initial;
    }

    @Override
    public Config config() {
        return state.config();
    }

    @Override
    public synchronized Reply call(Caller caller, Hypercall call) {
        Outcome o = Step.step(state, caller, call);
        state = o.state();
        lastCheck = o.check();
        return o.reply();
    }

    @Override
    public synchronized State abstractState() {
        return state;
    }

    /** The rule the last refused request broke, in the model's words (empty after a success). */
    public synchronized Optional<String> lastReason() {
        return lastCheck.map(Check::sentence);
    }
}
