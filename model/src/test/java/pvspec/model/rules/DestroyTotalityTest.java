package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/** Destroying a domain whose last frame goes while its vCPUs are torn down is total. */
class DestroyTotalityTest {
    @Test
    void destroyingADomainThatLosesItsLastFrameToABasePointerIsTotal() {
        State s = State.initial(Config.withDefaults(2, 4, 16, 3, 2, 8, 4));
        s = Step.step(s, Caller.kernel(0), new Domctl.CreateDomain(4, 2)).state();
        s = Step.step(s, Caller.kernel(0), new MemoryOp.PopulatePhysmap(1, 1)).state();
        s = Step.step(s, Caller.kernel(1), MmuextOp.of(new MmuextOp.NewBaseptr(1))).state();
        s = Step.step(s, Caller.kernel(1), new MemoryOp.DecreaseReservation(1, List.of(1L))).state();

        Outcome o = Step.step(s, Caller.kernel(0), new Domctl.DestroyDomain(1));

        assertThat(o.result()).isEqualTo(Result.OK);
        assertThat(o.state().domains()).doesNotContainKey(1);
        assertThat(o.state().frame(1).isFree()).isTrue();
    }
}
