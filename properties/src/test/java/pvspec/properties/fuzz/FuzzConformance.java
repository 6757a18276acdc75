package pvspec.properties.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import pvspec.hypervisor.Hypervisor;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.properties.gen.Garbage;

/**
 * Coverage-guided conformance fuzzing: requests decoded from the fuzzer's bytes go to the model
 * and to a hypervisor built from the same state; results and abstract states must be equal, and
 * the hypervisor must never throw. Without {@code JAZZER_FUZZ} this replays the committed corpus.
 */
class FuzzConformance {
    private static final State WORLD = FuzzWorld.twoGuestsWithTables();

    @FuzzTest(maxDuration = "30s")
    void modelAndHypervisorAgree(FuzzedDataProvider data) {
        Garbage g = new Garbage(FuzzWorld.source(data));
        Hypervisor hv = Hypervisor.fromModel(WORLD);
        State s = WORLD;
        for (int i = 0; i < 8 && data.remainingBytes() > 0; i++) {
            Caller c = g.caller();
            Hypercall h = g.request();
            Outcome o = Step.step(s, c, h);
            assertThat(hv.hypercall(c, h)).as("%s by %s", h, c).isEqualTo(o.result());
            s = o.state();
        }
        assertThat(hv.abstractState()).isEqualTo(s);
    }
}
