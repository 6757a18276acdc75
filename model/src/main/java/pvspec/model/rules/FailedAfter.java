package pvspec.model.rules;

import pvspec.model.abi.Caller;
import pvspec.model.abi.check.Check;
import pvspec.model.state.State;

/**
 * A refusal that keeps one effect: a taken-over partial table whose validation failed is torn
 * down. Xen makes it the vCPU's {@code old_guest_table} (mm.c:1464-1489, 2663-2676) and the
 * null continuation's {@code put_old_guest_table} tears it down before the guest sees the error
 * (mm.c:3955-3969, 3177-3212); everything else the refused request did is undone, as for any
 * refusal, including the work of an outer table whose entry led to the take-over.
 */
final class FailedAfter extends StacklessException {
    private final Check check;
    private final long partial;

    FailedAfter(Check check, long partial) {
        super(check.sentence());
        this.check = check;
        this.partial = partial;
    }

    Check check() {
        return check;
    }

    /** What the guest sees: {@code before} (the state the refused request started from) with the partial table torn down by {@code current}. */
    State state(State before, Caller current) {
        return PageTypes.putPartial(before, partial, current, Preemption.NEVER);
    }
}
