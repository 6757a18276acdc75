package pvspec.model.rules;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.check.Check;
import pvspec.model.state.State;

/**
 * A refusal that keeps one effect: a taken-over partial table whose validation failed is torn
 * down. Xen makes it the vCPU's {@code old_guest_table} (mm.c:1464-1489, 2663-2676) and the
 * null continuation's {@code put_old_guest_table} tears it down before the guest sees the error
 * (mm.c:3955-3969, 3177-3212); everything else the refused request did is undone, as for any
 * refusal, including the work of an outer table whose entry led to the take-over. If that outer
 * table was itself taken over (partial), it goes too: its validation fails at that entry, so it
 * becomes {@code old_guest_table} in turn, holding the inner one at {@code nr_validated_ptes}
 * with {@code PTF_partial_set} (mm.c:1600-1630, 1799-1825), and the teardown takes both.
 */
final class FailedAfter extends StacklessException {
    private final Check check;
    /** The partial tables to tear down, outermost first. */
    private final List<Long> partials;

    FailedAfter(Check check, long partial) {
        this(check, List.of(partial));
    }

    private FailedAfter(Check check, List<Long> partials) {
        super(check.sentence());
        this.check = check;
        this.partials = partials;
    }

    Check check() {
        return check;
    }

    /** The same failure reaching the taken-over table {@code outer} whose entry led to it. */
    FailedAfter within(long outer) {
        List<Long> all = new ArrayList<>(partials.size() + 1);
        all.add(outer);
        all.addAll(partials);
        return new FailedAfter(check, List.copyOf(all));
    }

    /** What the guest sees: {@code before} (the state the refused request started from) with the partial tables torn down by {@code current}. */
    State state(State before, Caller current) {
        State s = before;
        for (long mfn : partials) s = PageTypes.putPartial(s, mfn, current, Preemption.NEVER);
        return s;
    }
}
