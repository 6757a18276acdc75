package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.config.HypervisorUnderTest;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;

/**
 * examples/grant-copy.check: the default with grant tables of two frames and the grant-table size
 * and copy requests (kept out of the default: at depth 3 they grow it from 1,254 to 1,652
 * states; 1,697 since setup_table stores its frame list, vaddr15). Within three requests every new kind succeeds and Xen's refusals of them are reached;
 * the copy's seeded bugs are found in it with one request.
 */
class GrantCopyExampleTest {
    private static final Path EXAMPLE = Path.of("../examples/grant-copy.check");

    /** The seeded bugs of GNTTABOP_copy, found here rather than in the default. */
    static final Set<String> MUTANTS = Set.of("grant-copy-dest-untyped", "grant-copy-foreign-frame", "grant-copy-beyond-page");

    @Test
    void itsRequestsSucceedAndReachXensRefusals() throws Exception {
        CheckConfig c = CheckConfig.load(EXAMPLE);
        assertThat(c.requests().size()).as("the default's 112 and ten: growth, size queries, copies").isEqualTo(112 + 10);
        CheckReport r = ModelChecker.run(c, Options.defaults().withDepth(3).withThreads(2));
        assertThat(r.status()).isEqualTo(Status.COMPLETE_TO_DEPTH);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.coverage().kindsNeverSucceeded()).doesNotContain("grant_table_op setup_table", "grant_table_op query_size",
                "grant_table_op copy");
        assertThat(r.coverage().count("grant_table_op setup_table", "GNTST_general_error")).as("beyond max_grant_frames").isPositive();
        assertThat(r.coverage().count("grant_table_op setup_table", "GNTST_permission_denied")).as("d2 on d1's table").isPositive();
        assertThat(r.coverage().count("grant_table_op copy", "GNTST_permission_denied")).as("a frame named by id").isPositive();
        assertThat(r.coverage().count("grant_table_op copy", "GNTST_bad_copy_arg")).isPositive();
        assertThat(r.coverage().count("grant_table_op copy", "GNTST_general_error")).as("onto a page table").isPositive();
    }

    @Test
    void theCopysSeededBugsAreFoundWithOneRequest() throws Exception {
        CheckConfig c = CheckConfig.load(EXAMPLE);
        for (Mutant m : Mutants.ALL) {
            if (!MUTANTS.contains(m.name())) continue;
            CheckReport r = ModelChecker.run(c, Options.defaults().withImplementation(HypervisorUnderTest.with(m.checks())).withThreads(2));
            assertThat(r.divergence()).as(m.name()).isPresent();
            assertThat(r.depth()).as(m.name()).isEqualTo(1);
        }
    }
}
