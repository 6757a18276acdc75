package pvspec.hypervisor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.hypervisor.Hypervisor;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.invariant.Invariants;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/** The benchmark workloads are valid, and the boot leaves hypervisor and model in the same state. */
class WorkloadsTest {
    static final Config SMALL_4L = Config.withDefaults(4, 16, 320, 3, 1, 8, 4);

    @Test
    void bootOfAFourLevelGuestMatchesTheModelAndKeepsTheInvariants() {
        List<Object[]> reqs = Workloads.bootRequests(SMALL_4L, 16L * 16 * 4096);
        Hypervisor hv = Hypervisor.boot(SMALL_4L);
        State s = State.initial(SMALL_4L);
        for (Object[] r : reqs) {
            Outcome o = Step.step(s, (Caller) r[0], (Hypercall) r[1]);
            assertThat(hv.hypercall((Caller) r[0], (Hypercall) r[1])).isEqualTo(o.result());
            assertThat(o.result().succeeded()).isTrue();
            s = o.state();
        }
        assertThat(hv.abstractState()).isEqualTo(s);
        assertThat(Invariants.check(s)).isEmpty();
        assertThat(s.dom(1).vcpu(0).hasBaseptr()).isTrue();
    }

    @Test
    void everyWorkloadRunsOnBothTargets() {
        Config c = Config.withDefaults(4, 64, 1024, 4, 1, 16, 4);
        for (String name : List.of("hypervisor", "model")) {
            int ops = 0;
            for (int i = 0; i < 3; i++) {
                ops += Workloads.l1Updates(Target.of(name, c), c, false, 64).run();
                ops += Workloads.l1Updates(Target.of(name, c), c, true, 64).run();
                ops += Workloads.pinUnpin(Target.of(name, c), c).run();
                ops += Workloads.evtchnSend(Target.of(name, c), c).run();
            }
            assertThat(ops).as(name).isEqualTo(3 * (64 + 64 + 1 + 1));
        }
        assertThat(Bench.table(List.of(new Bench.Row("x", 20, 1)))).contains("20.0x");
    }

    @Test
    void aRefusedBenchmarkRequestIsReported() {
        Target t = Target.hypervisor(Config.small());
        Result r = t.call(Caller.kernel(1), new pvspec.model.abi.SchedOp.Yield());
        assertThat(r.succeeded()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.expect(Caller.kernel(1), new pvspec.model.abi.SchedOp.Yield()))
                .isInstanceOf(IllegalStateException.class);
    }
}
