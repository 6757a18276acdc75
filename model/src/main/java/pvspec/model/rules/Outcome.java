package pvspec.model.rules;

import java.util.Optional;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/**
 * The effect of one request: the next state, the result the guest gets, and, for a refusal, the
 * sentence naming the rule it broke.
 */
public record Outcome(State state, Result result, Optional<String> reason) {

    public static Outcome of(State state, Result result) {
        return new Outcome(state, result, Optional.empty());
    }

    /** The request was refused: the state is the one before it. */
    public static Outcome refused(State before, Refusal r) {
        return new Outcome(before, r.result(), Optional.of(r.sentence()));
    }
}
