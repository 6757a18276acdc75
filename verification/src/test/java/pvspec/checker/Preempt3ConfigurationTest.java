package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.HypervisorUnderTest;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;

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

    private static CheckConfig config() throws Exception {
        return CheckConfig.parse(FILE.toString(), Files.readString(FILE));
    }

    @Test
    void itRunsToAFixpointWhereEveryInvariantHoldsAndTheHypervisorConforms() throws Exception {
        CheckReport r = ModelChecker.run(config(), Options.defaults().withImplementation(HypervisorUnderTest.standard()).withThreads(2));
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.divergence()).isEmpty();
        assertThat(r.states()).isEqualTo(75);
    }

    @Test
    void theNestedPreemptionBugIsFoundWithinTwelveSteps() throws Exception {
        CheckConfig c = config();
        for (String name : FAMILY) {
            Mutant m = Mutants.ALL.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            CheckReport r = ModelChecker.run(c, Options.defaults().withImplementation(HypervisorUnderTest.with(m.checks())).withThreads(2));
            assertThat(r.divergence()).as(name).isPresent();
            assertThat(c.scenario().steps().size() + r.depth()).as(name).isLessThanOrEqualTo(12);
        }
    }
}
