package pvspec.hypervisor;

import pvspec.model.abi.check.Check;
import pvspec.model.rules.StacklessException;

/**
 * A refusal: thrown where a check fails, caught where the request (or the batch entry) began,
 * which rolls the journal back to that point. It names the ABI's {@link Check} (the id the
 * model reports for the same refusal; the decision is the hypervisor's own). One instance per
 * check: no stack traces, no allocation.
 */
final class Refused extends StacklessException {
    private static final Refused[] BY_CHECK = new Refused[Check.values().length];

    static {
        for (Check c : Check.values()) BY_CHECK[c.ordinal()] = new Refused(c);
    }

    final Check check;

    private Refused(Check check) {
        super(check.id());
        this.check = check;
    }

    static Refused of(Check check) {
        return BY_CHECK[check.ordinal()];
    }
}
