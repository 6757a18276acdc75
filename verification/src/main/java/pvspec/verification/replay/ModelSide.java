package pvspec.verification.replay;

import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/** The model as a {@link Side}: the reference every other side is compared with. */
public final class ModelSide implements Side {
    private State state;
    private Optional<String> lastReason = Optional.empty();

    public ModelSide(Config c) {
        this.state = State.initial(c);
    }

    @Override
    public String name() {
        return "model";
    }

    @Override
    public Result apply(Caller c, Hypercall h) {
        Outcome o = Step.step(state, c, h);
        state = o.state();
        lastReason = o.reason();
        return o.result();
    }

    @Override
    public State abstractState() {
        return state;
    }

    /** Why the last request was refused, if it was. */
    public Optional<String> lastReason() {
        return lastReason;
    }
}
