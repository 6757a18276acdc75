package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.SCHED_UNKNOWN_COMMAND;

import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;

/** {@code sched_op}: yield, block until an event, shut the domain down. */
final class SchedOps {
    private SchedOps() {}


    static Result apply(Txn t, SchedOp h) {
        Dom d = t.dom;
        return h.accept(new SchedOp.Visitor<>() {
            @Override public Result yield(SchedOp.Yield x) { return Result.OK; }

            @Override
            public Result block(SchedOp.Block x) {
                // A vCPU with an event waiting does not sleep.
                if (!d.upcallPending(t.vcpu)) t.setLong(d.vflags, t.vcpu, d.vflags[t.vcpu] | Dom.BLOCKED);
                return Result.OK;
            }

            @Override
            public Result shutdown(SchedOp.Shutdown x) {
                t.setLong(d.vars, Dom.LIFE, Dom.SHUTDOWN);
                return Result.OK;
            }

            @Override public Result unknown(SchedOp.Unknown x) { throw Refused.of(SCHED_UNKNOWN_COMMAND); }
        });
    }
}
