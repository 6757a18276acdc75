package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * {@code examples/usersplit.check}, the kernel/user split's own configuration (issue 14): its
 * fixpoint holds every invariant, the split's kinds succeed in it, and each of the split's seeded
 * bugs is found there by the conformance mode with a shortest trace of one or two requests after
 * the scenario.
 */
class UserSplitConfigurationTest {
    private static final Path FILE = Path.of("../examples/usersplit.check");

    @Test
    void itsFixpointHoldsAndTheSplitsKindsSucceed() throws Exception {
        CheckReport r = ModelChecker.run(CheckConfig.load(FILE), Options.defaults().withThreads(2));
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.coverage().kindsNeverRun()).doesNotContain("iret", "multicall", "mmuext_op new_user_baseptr");
        assertThat(r.coverage().kindsNeverSucceeded()).doesNotContain("iret", "multicall", "mmuext_op new_user_baseptr");
    }

    @Test
    void everySplitSeededBugIsFoundWithAShortestTrace() throws Exception {
        CheckConfig config = CheckConfig.load(FILE);
        int found = 0;
        for (Mutant m : Mutants.ALL) {
            if (!DefaultConfigurationTest.SPLIT_MUTANTS.contains(m.name())) continue;
            Options o = Options.defaults().withImplementation(HypervisorUnderTest.with(m.checks())).withThreads(2);
            CheckReport r = ModelChecker.run(config, o);
            assertThat(r.divergence()).as(m.name()).isPresent();
            assertThat(r.depth()).as(m.name()).isBetween(1, 2);
            if (r.depth() > 1) assertThat(ModelChecker.run(config, o.withDepth(r.depth() - 1)).divergence()).as(m.name()).isEmpty();
            found++;
        }
        assertThat(found).isEqualTo(DefaultConfigurationTest.SPLIT_MUTANTS.size());
    }
}
