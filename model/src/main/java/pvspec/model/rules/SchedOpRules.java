package pvspec.model.rules;

import static pvspec.model.abi.Errno.ENOSYS;

import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.state.Domain;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/** {@code sched_op}: yield, block until an event, or shut the domain down. */
final class SchedOpRules {
    private SchedOpRules() {}

    static final Refusal UNKNOWN_COMMAND = Refusal.of(ENOSYS, "no such sched_op command in ABI v1");

    static final List<Refusal> REFUSALS = List.of(UNKNOWN_COMMAND);

    static Outcome apply(State s, Caller c, SchedOp h) {
        Domain d = s.dom(c.domain());
        if (h instanceof SchedOp.Yield) return Outcome.of(s, Result.OK);
        if (h instanceof SchedOp.Block) {
            // A vCPU with an event waiting does not sleep.
            Vcpu v = d.vcpu(c.vcpu());
            return Outcome.of(v.upcallPending() ? s : s.withDomain(d.withVcpu(c.vcpu(), v.withBlocked(true))), Result.OK);
        }
        if (h instanceof SchedOp.Shutdown) return Outcome.of(s.withDomain(d.withLife(Lifecycle.SHUTDOWN)), Result.OK);
        throw UNKNOWN_COMMAND;
    }
}
