package pvspec.hypervisor;

import pvspec.model.abi.Result;
import pvspec.model.rules.StacklessException;

/**
 * How an {@code mmu_update} or {@code mmuext_op} batch ends at the request that stopped it: a
 * refusal undoes that request and reports how many were done (mm.c:4354-4358, 3955-3969); a
 * failed take-over also tears its partial table down; a preemption keeps what was done and asks
 * for the continuation.
 */
final class BatchStop {
    private BatchStop() {}

    static Result at(Txn t, long mark, StacklessException stop, int done) {
        if (stop instanceof Preempt) return new Result.Restart(done);
        if (stop instanceof FailedAfter f) {
            f.settle(t, mark);
            t.batchStoppedBy = f.check;
        } else {
            t.rollback(mark);
            t.batchStoppedBy = ((Refused) stop).check;
        }
        return new Result.Partial(t.batchStoppedBy.errno(), done);
    }
}
