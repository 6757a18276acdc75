package pvspec.verification.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.hypervisor.Checks;
import pvspec.verification.jpf.Scenario;
import pvspec.verification.jpf.Scenarios;
import pvspec.verification.jpf.Verdict;

/**
 * Lincheck on the concurrent hypervisor, on every build: the JPF harness's race scenarios (vCPUs
 * of two domains issuing page-table updates, pins, {@code NEW_BASEPTR}, guest accesses that fill
 * TLBs, grant map/unmap/end_access, event-channel bind/send/close, reservation changes), each
 * program with its hypercalls on parallel threads, checked against the model: every result and
 * the final state must be those of some sequential order on the model, and the final state must
 * satisfy the model's invariants. Model checking (Lincheck's bytecode-instrumented scheduler, a
 * context switch possible at every shared access, lock and atomic update) first; stress (real
 * threads) as a second line. Figures go to standard output, one line per scenario.
 */
class HypervisorIsLinearizableUnderLincheck {
    private static final List<Scenario> SCENARIOS = Scenarios.all();

    @Test
    void everyExploredInterleavingOfEveryScenarioIsLinearizable() {
        long invocations = 0;
        for (int i = 0; i < SCENARIOS.size(); i++) {
            Scenario sc = SCENARIOS.get(i);
            List<Integer> vectors = Plan.sample(sc, i, Plan.STRIDE);
            LincheckRun.Outcome o = LincheckRun.modelCheck(sc, new Checks(), vectors, Plan.INVOCATIONS);
            report("model checking", sc, vectors.size(), Plan.INVOCATIONS, o);
            assertThat(o.verdict).as("%s: %s", sc.name, o).isEqualTo(Verdict.pass());
            // Every program ran, and the interleavings explored reached different outcomes.
            assertThat(o.invocations).as(sc.name).isGreaterThanOrEqualTo(vectors.size());
            assertThat(o.distinctOutcomes).as(sc.name).isGreaterThan(vectors.size());
            invocations += o.invocations;
        }
        System.out.printf("lincheck model checking: %d scenarios, %d interleavings verified%n", SCENARIOS.size(), invocations);
    }

    @Test
    void everyStressRunOfEveryProgramIsLinearizable() {
        for (Scenario sc : SCENARIOS) {
            List<Integer> vectors = Plan.all(sc);
            LincheckRun.Outcome o = LincheckRun.stress(sc, new Checks(), vectors, Plan.STRESS_INVOCATIONS);
            report("stress", sc, vectors.size(), Plan.STRESS_INVOCATIONS, o);
            assertThat(o.verdict).as("%s: %s", sc.name, o).isEqualTo(Verdict.pass());
            assertThat(o.invocations).as(sc.name).isEqualTo((long) vectors.size() * Plan.STRESS_INVOCATIONS);
        }
    }

    static void report(String mode, Scenario sc, int vectors, int perVector, LincheckRun.Outcome o) {
        System.out.printf("lincheck %s %s: %d programs x up to %d invocations: %d verified, %d distinct outcomes, %s, %.1f s (%.1f s CPU)%n",
                mode, sc.name, vectors, perVector, o.invocations, o.distinctOutcomes, o.verdict, o.seconds, o.cpuSeconds);
    }
}
