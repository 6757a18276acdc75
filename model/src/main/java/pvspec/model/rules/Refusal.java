package pvspec.model.rules;

import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;

/**
 * A refusal in flight: the {@link Check} a request failed, thrown to abandon the request. Since
 * the state is immutable, whatever the request had computed so far is simply dropped, which is
 * why every refused request leaves the state unchanged. The checks themselves, their ids,
 * results, citations and sentences, are declared once, in {@link Check}.
 */
public final class Refusal extends StacklessException {
    private static final Refusal[] BY_CHECK = new Refusal[Check.values().length];

    static {
        for (Check c : Check.values()) BY_CHECK[c.ordinal()] = new Refusal(c);
    }

    private final Check check;

    private Refusal(Check check) {
        super(check.sentence());
        this.check = check;
    }

    /** The refusal for {@code check} (one instance per check). */
    public static Refusal of(Check check) {
        return BY_CHECK[check.ordinal()];
    }

    /** Refuse with {@code check} unless {@code ok}. */
    public static void require(boolean ok, Check check) {
        if (!ok) throw of(check);
    }

    public Check check() {
        return check;
    }

    /** What the guest gets back. */
    public Result result() {
        return check.result();
    }

    @Override
    public String toString() {
        return check.result() + " (" + check.id() + ": " + check.sentence() + ")";
    }
}
