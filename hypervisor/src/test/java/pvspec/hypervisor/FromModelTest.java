package pvspec.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * {@code fromModel} is the inverse of {@code abstractState} on reachable states, and a hypervisor
 * built from a model state takes the model's next step (so its recomputed bookkeeping is right).
 */
class FromModelTest {
    static List<Config> configs() {
        return RandomConformanceTest.configs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void fromModelRoundTripsAndStepsLikeTheModel(Config c) {
        int checked = 0;
        for (int run = 0; run < 10; run++) {
            long seed = 77_000L + RandomConformanceTest.seed(c, run);
            Lockstep ls = new Lockstep(c);
            RandomCalls gen = new RandomCalls(seed, c);
            if (run % 2 == 1) Prelude.build(c, ls::step);
            for (int i = 0; i < 150; i++) {
                State s = ls.model;
                Hypervisor hv = Hypervisor.fromModel(s);
                assertThat(hv.abstractState()).as("seed %d step %d", seed, i).isEqualTo(s);
                assertThat(Consistency.check(hv)).as("seed %d step %d", seed, i).isEmpty();
                RandomCalls.Call call = gen.next(s);
                Lockstep fresh = new Lockstep(c, hv, s);
                try {
                    fresh.step(call.caller, call.call);
                } catch (AssertionError e) {
                    throw new AssertionError("seed " + seed + " step " + i + " from fromModel: " + e.getMessage() + "\nprefix:\n" + ls.text(), e);
                }
                ls.step(call.caller, call.call);
                assertThat(Consistency.check(ls.hv)).as("seed %d step %d", seed, i).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(10 * 150);
    }
}
