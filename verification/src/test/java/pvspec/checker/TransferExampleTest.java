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
import pvspec.hypervisor.seeded.SeededBug;

/**
 * examples/transfer.check: GNTTABOP_transfer explored to a fixpoint (its frame lost on a refusal
 * after the steal is why it is not in the default: every state with d1's spare unmapped gets a
 * sibling without it). The transfer succeeds and returns each status Xen gives it, every
 * invariant holds, and both transfer seeded bugs are found with a shortest trace.
 */
class TransferExampleTest {
    private static final Path EXAMPLE = Path.of("../examples/transfer.check");

    @Test
    void everyTransferStatusIsReachedAtTheFixpoint() throws Exception {
        CheckReport r = ModelChecker.run(CheckConfig.load(EXAMPLE), Options.defaults().withThreads(2));
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.states()).isEqualTo(237);
        for (String status : new String[] {"GNTST_okay", "GNTST_bad_page", "GNTST_bad_domain", "GNTST_general_error"}) {
            assertThat(r.coverage().count("grant_table_op transfer", status)).as(status).isPositive();
        }
    }

    @Test
    void bothTransferSeededBugsAreFoundWithAShortestTrace() throws Exception {
        CheckConfig c = CheckConfig.load(EXAMPLE);
        for (SeededBug b : new SeededBug[] {SeededBug.STEAL_IGNORES_REFERENCES, SeededBug.TRANSFER_OVER_MAX_PAGES}) {
            Options o = Options.defaults().withImplementation(HypervisorUnderTest.with(b::checks)).withThreads(2);
            CheckReport r = ModelChecker.run(c, o);
            assertThat(r.divergence()).as(b.id()).isPresent();
            if (r.depth() > 1) assertThat(ModelChecker.run(c, o.withDepth(r.depth() - 1)).divergence()).as(b.id()).isEmpty();
        }
    }
}
