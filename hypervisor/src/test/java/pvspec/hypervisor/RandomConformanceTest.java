package pvspec.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.model.abi.Access;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;

/**
 * Seeded random sequences of valid and invalid requests, from boot and from a built prelude: the
 * hypervisor's result and abstract state equal the model's after every step. A failure prints
 * the seed and the trace so far. The runs must reach the deep states where the interesting
 * checks live (asserted at the end, so a weakened generator cannot pass silently).
 */
class RandomConformanceTest {
    static final int RUNS = 40;
    static final int STEPS = 250;

    static List<Config> configs() {
        return List.of(
                Config.small(),
                Config.withDefaults(2, 4, 16, 3, 2, 8, 4),
                Config.withDefaults(3, 4, 24, 3, 2, 6, 3),
                Config.withDefaults(4, 4, 24, 4, 1, 6, 3));
    }

    static long seed(Config c, int run) {
        return 1000L * c.levels() + 17L * c.vcpus() + run;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void randomSequencesConform(Config c) {
        Map<String, Integer> seen = new TreeMap<>();
        for (int run = 0; run < RUNS; run++) {
            long seed = seed(c, run);
            Lockstep ls = new Lockstep(c);
            RandomCalls gen = new RandomCalls(seed, c);
            try {
                if (run % 2 == 1) Prelude.build(c, ls::step);
                for (int i = 0; i < STEPS; i++) {
                    RandomCalls.Call call = gen.next(ls.model);
                    Result r = ls.step(call.caller, call.call);
                    count(seen, call.call.getClass().getSimpleName(), r);
                    features(seen, ls.model);
                }
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
        assertThat(seen).as("coverage").containsKeys("ok", "refused", "access ok", "uvm ok", "grant map ok", "grant unmap ok",
                "linear", "dying", "tlb", "upcall", "pinned", "table L" + c.levels());
        assertThat(seen.get("ok")).isGreaterThan(RUNS * STEPS / 10);
        assertThat(seen.get("refused")).isGreaterThan(RUNS * STEPS / 10);
    }

    private static void count(Map<String, Integer> seen, String kind, Result r) {
        seen.merge(r.succeeded() ? "ok" : "refused", 1, Integer::sum);
        if (!r.succeeded()) return;
        if (kind.equals(Access.class.getSimpleName())) seen.merge("access ok", 1, Integer::sum);
        if (kind.equals(UpdateVaMapping.class.getSimpleName())) seen.merge("uvm ok", 1, Integer::sum);
        if (kind.equals(GrantTableOp.MapGrantRef.class.getSimpleName())) seen.merge("grant map ok", 1, Integer::sum);
        if (kind.equals(GrantTableOp.UnmapGrantRef.class.getSimpleName())) seen.merge("grant unmap ok", 1, Integer::sum);
    }

    private static void features(Map<String, Integer> seen, State s) {
        for (Frame f : s.frames()) {
            if (f.isTable()) seen.merge("table L" + f.type().level(), 1, Integer::sum);
            if (f.pinned()) seen.merge("pinned", 1, Integer::sum);
            if (f.linearCount() != 0) seen.merge("linear", 1, Integer::sum);
        }
        for (Domain d : s.domains().values()) {
            if (d.life() == Lifecycle.DYING) seen.merge("dying", 1, Integer::sum);
            for (int v = 0; v < d.vcpus().size(); v++) {
                if (!d.vcpu(v).tlb().isEmpty()) seen.merge("tlb", 1, Integer::sum);
                if (d.vcpu(v).upcallPending()) seen.merge("upcall", 1, Integer::sum);
            }
        }
    }
}
