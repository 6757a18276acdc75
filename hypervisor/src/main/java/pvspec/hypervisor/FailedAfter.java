package pvspec.hypervisor;

import pvspec.model.abi.check.Check;
import pvspec.model.rules.StacklessException;

/**
 * A refusal that keeps what was done before it (a resumed validation that fails leaves its table
 * torn down, as Xen's null continuation does): the batch reports the check without rolling back.
 */
final class FailedAfter extends StacklessException {
    final Check check;
    /** The taken-over partial table, torn down after the refused request's own work is undone. */
    final int partial;

    FailedAfter(Check check, int partial) {
        super(check.id());
        this.check = check;
        this.partial = partial;
    }

    /** Undo the refused request's work from {@code mark}, then tear the partial table down (put_old_guest_table). */
    void settle(Txn t, long mark) {
        t.rollback(mark);
        PageRefs.putPartial(t, partial, false);
    }
}
