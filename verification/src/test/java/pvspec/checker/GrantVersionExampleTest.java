package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.report.CheckReport;

/**
 * {@code examples/grant-version.check} (gv2): tables of sixteen references, switched between
 * versions while reserved and other references are granted and mapped. The fixpoint holds every
 * invariant and the hypervisor agrees on every transition; each new kind succeeds and Xen's
 * refusals of them are reached (the default has them from user mode only); the family's seeded
 * bug is found with a trace of twelve steps, the scenario's ten included.
 */
class GrantVersionExampleTest {
    private static final Path FILE = Path.of("../examples/grant-version.check");
    /** The version switch's seeded bugs: the default's tables have reserved references only, this file's do not. */
    static final Set<String> MUTANTS = Set.of("set-version-ignores-pins");

    @Test
    void itsFixpointHoldsAndTheHypervisorAgrees() throws Exception {
        CheckReport r = MutantRuns.agreeingFixpoint(CheckConfig.load(FILE));
        assertThat(r.states()).isEqualTo(63);
        assertThat(r.coverage().kindsNeverSucceeded()).doesNotContain("grant_table_op set_version", "grant_table_op get_version",
                "grant_table_op get_status_frames");
        assertThat(r.coverage().count("grant_table_op set_version", "EBUSY")).as("reference 9 mapped").isPositive();
        assertThat(r.coverage().count("grant_table_op set_version", "EINVAL")).as("version 3").isPositive();
        assertThat(r.coverage().count("grant_table_op get_version", "EPERM")).as("d2 on d1's table").isPositive();
        assertThat(r.coverage().count("grant_table_op get_status_frames", "GNTST_general_error")).as("a v1 table").isPositive();
        assertThat(r.coverage().count("grant_table_op map_grant_ref", "GNTST_bad_gntref")).as("reference 9 of a v2 table").isPositive();
    }

    @Test
    void theSwitchsSeededBugIsFoundWithinTwelveSteps() throws Exception {
        MutantRuns.eachFoundWithin(CheckConfig.load(FILE), MUTANTS, 12);
    }
}
