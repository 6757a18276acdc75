package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;

/**
 * {@code examples/preempt.check} (issue 14): preemption points are requests of their own, so the
 * checker enumerates them; the configuration runs to a fixpoint with every invariant holding,
 * and every seeded bug of the preemption family is found in it with a trace of at most 12 steps,
 * the scenario's six included.
 */
class PreemptConfigurationTest {
    private static final Path FILE = Path.of("../examples/preempt.check");
    /** The seeded bugs of the preemption family: the default has no preemption point, this file does. */
    static final List<String> FAMILY = List.of("restart-revalidates-from-zero", "partial-ref-dropped-twice",
            "partial-table-writable", "dying-partial-leak", "mmu-update-put-not-preemptible", "continuation-skips-request");

    @Test
    void itRunsToAFixpointWhereEveryInvariantHolds() throws Exception {
        CheckReport r = ModelChecker.run(CheckConfig.load(FILE), Options.defaults().withThreads(2));
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.states()).isEqualTo(271);
    }

    @Test
    void everyBugOfThePreemptionFamilyIsFoundWithinTwelveSteps() throws Exception {
        MutantRuns.eachFoundWithin(CheckConfig.load(FILE), FAMILY, 12);
    }
}
