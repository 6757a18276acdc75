package pvspec.model.rules;

import static pvspec.model.abi.check.Check.SCHED_UNKNOWN_COMMAND;

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


    static Outcome apply(State s, Caller c, SchedOp h) {
        Domain d = s.dom(c.domain());
        return h.accept(new SchedOp.Visitor<>() {
            @Override public Outcome yield(SchedOp.Yield x) { return Outcome.of(s, Result.OK); }

            @Override
            public Outcome block(SchedOp.Block x) {
                // A vCPU with an event waiting does not sleep.
                Vcpu v = d.vcpu(c.vcpu());
                return Outcome.of(v.upcallPending() ? s : s.withDomain(d.withVcpu(c.vcpu(), v.withBlocked(true))), Result.OK);
            }

            @Override public Outcome shutdown(SchedOp.Shutdown x) { return Outcome.of(s.withDomain(d.withLife(Lifecycle.SHUTDOWN)), Result.OK); }
            @Override public Outcome unknown(SchedOp.Unknown x) { throw Refusal.of(SCHED_UNKNOWN_COMMAND); }
        });
    }
}
