package pvspec.verification.jpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.hypervisor.Checks;

/**
 * Harness 1 on the JVM, as CI runs it: every choice vector of every scenario, the vCPU threads
 * one after another (JPF, in the {@code jpf} profile, interleaves them).
 */
class VcpuHarnessTest {
    static final List<Scenario> SCENARIOS = Scenarios.all();
    static final Oracle ORACLE = OracleBuilder.build(SCENARIOS);
    static final int VECTORS = VcpuHarness.offsets(SCENARIOS)[SCENARIOS.size()];

    @Test
    void everyVectorOfEveryScenarioIsLinearizableWithThreadsInOrder() {
        Enumerator e = new Enumerator();
        int runs = e.exhaust(c -> VcpuHarness.run(c, ORACLE, new Checks(), SCENARIOS, false));
        assertThat(runs).isEqualTo(VECTORS);
        BitSet all = new BitSet();
        all.set(0, VECTORS);
        assertThat(e.completed()).isEqualTo(all);
    }

    @Test
    void theSeededRacesHideFromRunsWithoutInterleavings() {
        // Threads in a fixed order never interleave, so dropping the peer's lock or waiting out of
        // order changes nothing: only JPF (the jpf profile's seeded runs) can find these bugs.
        for (String variant : SeededRaces.names()) {
            Enumerator e = new Enumerator();
            e.exhaust(c -> VcpuHarness.run(c, ORACLE, SeededRaces.checks(variant), SCENARIOS, false));
            assertThat(e.completed().cardinality()).as(variant).isEqualTo(VECTORS);
        }
    }

    @Test
    void aSequentialBugIsCaughtByTheInvariantChecks() {
        // Without the type check a frame pinned as a page table can also be mapped writable.
        Checks noTypeCheck = new Checks() {
            @Override public boolean typeMatches(int current, int wanted) {
                return true;
            }
        };
        List<Scenario> one = List.of(Scenarios.named("pin-vs-map-writable"));
        assertThatThrownBy(() -> new Enumerator().exhaust(c -> VcpuHarness.run(c, ORACLE, noTypeCheck, one, false)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("INV-");
    }

    @Test
    void anOutcomeTheModelDoesNotAllowIsReportedAsNotLinearizable() {
        Scenario sc = Scenarios.named("grant-unmap-vs-end_access");
        Oracle wrong = OracleBuilder.build(List.of(sc));
        wrong.allowed.get(sc.name)[0] = new long[0]; // the model allows nothing for vector 0
        assertThatThrownBy(() -> new Enumerator().exhaust(c -> VcpuHarness.run(c, wrong, new Checks(), List.of(sc), false)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("vector 0: not linearizable");
    }

    @Test
    void aSetupThatDiffersFromTheModelsIsReported() {
        Scenario sc = Scenarios.named("new_baseptr-vs-unpin");
        Oracle wrong = OracleBuilder.build(List.of(sc));
        wrong.setups.put(sc.name, 0L);
        assertThatThrownBy(() -> new Enumerator().exhaust(c -> VcpuHarness.run(c, wrong, new Checks(), List.of(sc), false)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("setup differs");
    }
}
