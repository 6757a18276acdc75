package pvspec.checker.config;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;

/**
 * An implementation under test in conformance mode: started from a model state, it runs one
 * request and reports its result and its resulting state in the model's terms. For the
 * hypervisor: {@code (s, c, h) -> { Hypervisor hv = Hypervisor.fromModel(s); Result r =
 * hv.call(c, h); return new Observed(r, hv.abstractState()); }}.
 *
 * <p>The checker takes a supplier and gives each worker thread its own instance, so an
 * implementation may keep per-thread scratch state; it must not depend on earlier calls.
 */
@FunctionalInterface
public interface Implementation {

    Observed run(State from, Caller caller, Hypercall call);

    /** What the implementation did: its reply (result and refusal check) and its abstract state afterwards. */
    record Observed(Reply reply, State state) {
        public Result result() {
            return reply.result();
        }
    }

    /** The model itself, as an implementation: conformance mode's baseline (it never diverges). */
    static Implementation of(StepFunction f) {
        return (s, c, h) -> {
            Outcome o = f.step(s, c, h);
            return new Observed(o.reply(), o.state());
        };
    }
}
