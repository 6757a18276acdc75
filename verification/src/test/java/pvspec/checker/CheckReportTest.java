package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Progress;
import pvspec.checker.search.ModelChecker;

/** The summary table: verdict first, then one row per figure. */
class CheckReportTest {

    @Test
    void theSummaryHasAVerdictAndARowPerFigure() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withThreads(1));
        String s = r.summary();
        assertThat(s.lines().findFirst()).hasValue("pvspec check tiny-pagetables: " + r.verdict());
        assertThat(s).contains("  states         " + String.format("%,d", r.states()) + " distinct")
                .contains("  transitions    ").contains("  depth          " + r.depth()).contains("  time           ")
                .contains("on 1 thread\n").contains("  states/s       ").contains("  invariants     INV-1..INV-13 on ")
                .contains("  visited set    exact (state encodings)").contains("  reductions     independence: on")
                .contains("  conformance    off").contains("  request kinds  ").contains("  error codes    ");
        assertThat(r.holds()).isTrue();
    }

    @Test
    void fingerprintModeGivesTheCollisionProbability() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withFingerprint(true));
        assertThat(r.collisionProbability()).isPresent();
        assertThat(r.collisionProbability().getAsDouble()).isPositive().isLessThan(1e-9);
        assertThat(r.summary()).contains("64-bit fingerprints (probability of a collision <= ");
    }

    @Test
    void progressIsReportedWhileTheSearchRuns() {
        java.util.List<Progress> seen = new java.util.ArrayList<>();
        ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withProgressMillis(1), p -> {
            synchronized (seen) {
                seen.add(p);
            }
        });
        assertThat(seen).isNotEmpty();
        Progress last = seen.get(seen.size() - 1);
        assertThat(last.states()).isPositive();
        assertThat(last.line()).startsWith("states ").contains(" transitions ").contains(" depth ").contains(" queue ").contains(" states/s ");
    }
}
