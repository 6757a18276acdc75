package pvspec.hypervisor;

import java.util.Arrays;
import pvspec.model.abi.check.Check;
import pvspec.model.rules.StacklessException;

/**
 * A refusal that keeps what was done before it (a resumed validation that fails leaves its table
 * torn down, as Xen's null continuation does): the batch reports the check without rolling back.
 * A taken-over table whose taken-over child failed goes with it (it becomes old_guest_table
 * holding the child with PTF_partial_set, mm.c:1600-1630, 1799-1825).
 */
final class FailedAfter extends StacklessException {
    final Check check;
    /** The taken-over partial tables, torn down outermost first after the refused request's own work is undone. */
    private final int[] partials;

    FailedAfter(Check check, int partial) {
        this(check, new int[] {partial});
    }

    private FailedAfter(Check check, int[] partials) {
        super(check.id());
        this.check = check;
        this.partials = partials;
    }

    /** The same failure reaching the taken-over table {@code outer} whose entry led to it. */
    FailedAfter within(int outer) {
        int[] all = new int[partials.length + 1];
        all[0] = outer;
        System.arraycopy(partials, 0, all, 1, partials.length);
        return new FailedAfter(check, all);
    }

    /** Undo the refused request's work from {@code mark}, then tear the partial tables down (put_old_guest_table). */
    void settle(Txn t, long mark) {
        t.rollback(mark);
        tearDown(t);
    }

    /** put_old_guest_table on each partial table, outermost first. */
    void tearDown(Txn t) {
        for (int mfn : partials) PageRefs.putPartial(t, mfn, false);
    }

    @Override
    public String toString() {
        return check.id() + " after " + Arrays.toString(partials);
    }
}
