package pvspec.hypervisor;

import static pvspec.model.abi.Errno.ENOSYS;

import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;

/** {@code sched_op}: yield, block until an event, shut the domain down. */
final class SchedOps {
    private SchedOps() {}

    static final Refused UNKNOWN_COMMAND = Refused.of(ENOSYS, "no such sched_op command");

    static Result apply(Txn t, SchedOp h) {
        Dom d = t.dom;
        if (h instanceof SchedOp.Yield) return Result.OK;
        if (h instanceof SchedOp.Block) {
            // A vCPU with an event waiting does not sleep.
            if (!d.upcallPending(t.vcpu)) t.setLong(d.vflags, t.vcpu, d.vflags[t.vcpu] | Dom.BLOCKED);
            return Result.OK;
        }
        if (h instanceof SchedOp.Shutdown) {
            t.setLong(d.vars, Dom.LIFE, Dom.SHUTDOWN);
            return Result.OK;
        }
        throw UNKNOWN_COMMAND;
    }
}
