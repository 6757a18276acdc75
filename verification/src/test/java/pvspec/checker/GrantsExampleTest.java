package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;

/**
 * examples/grants.check: the default with the grant requests that multiply its states (kept out
 * of the default, whose space they would grow by more than a quarter). Within four requests of
 * its scenario every grant kind succeeds and the device unmap's bus-address check refuses.
 */
class GrantsExampleTest {
    private static final Path EXAMPLE = Path.of("../examples/grants.check");

    @Test
    void itsGrantRequestsSucceedAndReachTheDeviceAddressCheck() throws Exception {
        CheckConfig c = CheckConfig.load(EXAMPLE);
        assertThat(c.requests().size()).as("the default's 90 with unmap_and_replace from kernel mode, a device map, its unmap at two bus addresses and an aligned entry-address map")
                .isEqualTo(90 + 4);
        CheckReport r = ModelChecker.run(c, Options.defaults().withDepth(3).withThreads(2));
        assertThat(r.status()).isEqualTo(Status.COMPLETE_TO_DEPTH);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.coverage().kindsNeverSucceeded()).doesNotContain("grant_table_op map_grant_ref", "grant_table_op unmap_grant_ref",
                "grant_table_op unmap_and_replace");
        assertThat(r.coverage().count("grant_table_op unmap_grant_ref", "GNTST_bad_dev_addr")).isPositive();
        assertThat(r.coverage().count("grant_table_op map_grant_ref", "GNTST_general_error")).isPositive();
    }
}
