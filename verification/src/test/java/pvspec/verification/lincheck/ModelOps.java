package pvspec.verification.lincheck;

import java.util.Objects;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.verification.jpf.Call;
import pvspec.verification.jpf.Scenario;
import pvspec.verification.jpf.StateDigest;

/**
 * The sequential specification Lincheck checks {@link HypervisorOps} against: the model
 * ({@link Step#step}), deterministic given the order, from the model's state after the same
 * setup. Same operations, same result text. Equality is the model state's, so Lincheck's
 * transition system merges orders that reach the same state.
 */
public class ModelOps {
    private final Scenario scenario;
    private State state;

    public ModelOps() {
        Fixture f = Fixture.current();
        scenario = f.scenario;
        state = f.modelAfterSetup;
    }

    public String vcpu0(int pick) {
        return call(0, pick);
    }

    public String vcpu1(int pick) {
        return call(1, pick);
    }

    public String vcpu2(int pick) {
        return call(2, pick);
    }

    public String state() {
        return StateDigest.of(state);
    }

    private String call(int thread, int pick) {
        Call c = scenario.menus[thread][pick];
        Outcome o = Step.step(state, c.caller, c.request);
        state = o.state();
        return StateDigest.result(o.result());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelOps && Objects.equals(((ModelOps) o).state, state);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(state);
    }
}
