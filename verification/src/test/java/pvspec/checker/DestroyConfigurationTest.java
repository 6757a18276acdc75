package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.report.CheckReport;

/**
 * {@code examples/destroy.check} (issue 14): a {@code destroydomain} preempted at each of its first
 * six checks is a request of its own, so the checker enumerates the half torn-down states and
 * what another domain does in them; the fixpoint holds every invariant and the hypervisor agrees
 * on every transition, and the teardown's seeded bugs are found with a trace of at most 12 steps,
 * the scenario's eleven included.
 */
class DestroyConfigurationTest {
    private static final Path FILE = Path.of("../examples/destroy.check");
    /** The teardown's seeded bugs: the default has no preemption point, this file does. */
    static final Set<String> MUTANTS = Set.of("relinquish-repins-partial");

    @Test
    void itsFixpointHoldsAndTheHypervisorAgrees() throws Exception {
        CheckReport r = MutantRuns.agreeingFixpoint(CheckConfig.load(FILE));
        assertThat(r.states()).isEqualTo(100);
        assertThat(r.coverage().kindsNeverSucceeded()).doesNotContain("domctl destroydomain", "grant_table_op map_grant_ref", "mmuext_op pin_l2_table");
    }

    @Test
    void theTeardownsSeededBugsAreFoundWithinTwelveSteps() throws Exception {
        MutantRuns.eachFoundWithin(CheckConfig.load(FILE), MUTANTS, 12);
    }
}
