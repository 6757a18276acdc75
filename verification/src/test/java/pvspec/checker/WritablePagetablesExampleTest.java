package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.search.ModelChecker;

/**
 * examples/writable-pagetables.check: writable page tables explored to a fixpoint with the
 * hypervisor in lockstep (no divergence, every invariant and the file's own), and the seeded bug
 * that skips {@code get_page_from_l1e} in the emulation found with a shortest trace.
 */
class WritablePagetablesExampleTest {
    static final String MUTANT = "ptwr-unchecked";
    private static final Path EXAMPLE = Path.of("../examples/writable-pagetables.check");

    @Test
    void theFixpointConformsAndKeepsEveryInvariant() throws Exception {
        CheckConfig c = CheckConfig.load(EXAMPLE);
        CheckReport r = MutantRuns.agreeingFixpoint(c);
        assertThat(r.levelSizes().stream().mapToLong(Long::longValue).sum()).isGreaterThan(1000);
    }

    @Test
    void theSeededBugIsFoundWithAShortestTrace() throws Exception {
        CheckConfig c = CheckConfig.load(EXAMPLE);
        Options o = MutantRuns.against(MUTANT);
        CheckReport r = ModelChecker.run(c, o);
        assertThat(r.divergence()).isPresent();
        assertThat(r.depth()).isBetween(1, 12);
        assertThat(ModelChecker.run(c, o.withDepth(r.depth() - 1)).divergence()).isEmpty();
    }
}
