package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.report.CheckReport;

/**
 * {@code examples/preempt3.check} (issue 14, nested validation): a three-level space whose L3's
 * validation and devalidation are preempted inside its L2 child's; the checker enumerates those
 * points, runs to a fixpoint where every invariant holds and the hypervisor conforms, and finds
 * the seeded bug of the family with a trace of at most 12 steps, the scenario's four included.
 */
class Preempt3ConfigurationTest {
    private static final Path FILE = Path.of("../examples/preempt3.check");
    /** The seeded bugs that need an L3 validated in its child's preemption: the default has 2 levels. */
    static final List<String> FAMILY = List.of("resume-forgets-partial-flags");

    @Test
    void itRunsToAFixpointWhereEveryInvariantHoldsAndTheHypervisorConforms() throws Exception {
        CheckReport r = MutantRuns.agreeingFixpoint(CheckConfig.load(FILE));
        assertThat(r.states()).isEqualTo(75);
    }

    @Test
    void theNestedPreemptionBugIsFoundWithinTwelveSteps() throws Exception {
        MutantRuns.eachFoundWithin(CheckConfig.load(FILE), FAMILY, 12);
    }
}
