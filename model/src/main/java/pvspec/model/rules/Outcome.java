package pvspec.model.rules;

import java.util.Optional;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.State;

/**
 * The effect of one request: the next state, the result the guest gets, and, for a refusal, the
 * check it failed.
 */
public record Outcome(State state, Result result, Optional<Check> check) {

    public static Outcome of(State state, Result result) {
        return new Outcome(state, result, Optional.empty());
    }

    /** The request was refused by {@code check} with {@code result} (a batch adds its "done" count). */
    static Outcome refused(State before, Result result, Check check) {
        return new Outcome(before, result, Optional.of(check));
    }

    /** The check that refused the request, and those that refused entries of a multicall. */
    public java.util.List<Check> checks() {
        java.util.List<Check> out = new java.util.ArrayList<>();
        check.ifPresent(out::add);
        if (result instanceof Result.Multi m) for (Reply r : m.entries()) r.check().ifPresent(out::add);
        return out;
    }

    /** The sentence naming the rule a refused request broke. */
    public Optional<String> reason() {
        return check.map(Check::sentence);
    }

    /** What the guest saw, with the reason. */
    public Reply reply() {
        return new Reply(result, check);
    }
}
