package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;
import pvspec.model.trace.TraceStep;
import pvspec.properties.gen.Garbage;
import pvspec.properties.gen.Generator;
import pvspec.properties.run.Settings;
import pvspec.properties.run.Worlds;

/**
 * Property 4: totality. Requests with arbitrary arguments from arbitrary callers, interleaved
 * with model-guided ones so the state is interesting, always get a result and never an exception.
 */
class GarbageNeverThrows {
    @Test
    void arbitraryArgumentsFromArbitraryCallersGetAResult() {
        Settings settings = Settings.fromSystemProperties(20, 1000);
        Set<String> results = new HashSet<>();
        long steps = 0;
        for (int i = 0; i < settings.tries(); i++) {
            long seed = settings.firstSeed() + i;
            Garbage g = Garbage.seeded(seed);
            Generator guided = new Generator(seed, 0.1);
            State s = Fixture.state(Worlds.TWO_GUESTS);
            for (int k = 0; k < settings.steps(); k++) {
                Caller c;
                Hypercall h;
                if (k % 2 == 0) {
                    TraceStep t = guided.next(s);
                    c = t.caller();
                    h = t.call();
                } else {
                    c = g.caller();
                    h = g.request();
                }
                Outcome o;
                try {
                    o = Step.step(s, c, h);
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + " step " + k + ": " + h + " by " + c + " threw", e);
                }
                assertThat(o.result()).isNotNull();
                results.add(o.result() instanceof Result.Value ? "value" : o.result().toString().split(" ")[0]);
                s = o.state();
                steps++;
            }
        }
        System.out.println("totality: " + steps + " steps, results seen: " + results);
        assertThat(results).contains("EINVAL", "ESRCH", "EPERM", "ENOSYS", "OK");
    }
}
