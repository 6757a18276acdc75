package pvspec.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * Each seeded-bug variant (one {@link Checks} method overridden) is a working hypervisor that
 * the conformance check catches: seeded random runs diverge from the model. The variants leave
 * the correct hypervisor's code untouched (they are subclasses).
 */
class SeededVariantsTest {
    static Stream<Arguments> variants() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Map.Entry<String, Checks> e : SeededVariants.all().entrySet()) b.add(Arguments.of(e.getKey(), e.getValue()));
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void conformanceCatchesTheVariant(String name, Checks variant) {
        assertThat(variant.getClass().getSuperclass()).isEqualTo(Checks.class);
        int seedsNeeded = -1;
        outer:
        for (Config c : RandomConformanceTest.configs()) {
            for (int run = 0; run < 60; run++) {
                long seed = 5_000L + RandomConformanceTest.seed(c, run);
                Lockstep ls = new Lockstep(c, Hypervisor.boot(c, variant), State.initial(c));
                RandomCalls gen = new RandomCalls(seed, c);
                try {
                    if (run % 2 == 0) Prelude.build(c, ls::step);
                    for (int i = 0; i < 300; i++) {
                        RandomCalls.Call call = gen.next(ls.model);
                        ls.step(call.caller, call.call);
                    }
                } catch (AssertionError divergence) {
                    seedsNeeded = run;
                    break outer;
                }
            }
        }
        assertThat(seedsNeeded).as("%s must diverge from the model", name).isGreaterThanOrEqualTo(0);
    }
}
