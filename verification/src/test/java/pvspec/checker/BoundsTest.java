package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;

/** Bounds end a search, and a search a bound cut short is never reported complete. */
class BoundsTest {

    @Test
    void aSearchCutByTheStateBoundIsNotComplete() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withMaxStates(100));
        assertThat(r.status()).isEqualTo(Status.CUT_BY_STATES);
        assertThat(r.complete()).isFalse();
        assertThat(r.verdict()).startsWith("CUT").contains("NOT complete");
        assertThat(r.summary()).doesNotContain("COMPLETE");
        assertThat(r.partialLastLevel()).isTrue();
        assertThat(r.states()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aCutSearchSaysWhichDepthsItCheckedCompletely() {
        CheckReport full = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults());
        CheckReport cut = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withMaxStates(100));
        int d = 0;
        long within = full.levelSizes().get(0);
        while (within + full.levelSizes().get(d + 1) < 100) within += full.levelSizes().get(++d);
        assertThat(cut.depth()).isEqualTo(d);
        assertThat(cut.levelSizes().subList(0, d + 1)).isEqualTo(full.levelSizes().subList(0, d + 1));
        assertThat(cut.verdict()).contains("every state within depth " + d + " checked");
    }

    @Test
    void aSearchCutByTheTimeLimitIsNotComplete() {
        CheckReport r = ModelChecker.run(CheckConfig.small(), Options.defaults().withTimeLimitMillis(1).withThreads(1));
        assertThat(r.status()).isEqualTo(Status.CUT_BY_TIME);
        assertThat(r.complete()).isFalse();
        assertThat(r.summary()).doesNotContain("COMPLETE");
    }

    @Test
    void aDepthBoundedSearchIsCompleteToThatDepthButNotAFixpoint() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withDepth(3));
        assertThat(r.status()).isEqualTo(Status.COMPLETE_TO_DEPTH);
        assertThat(r.complete()).isTrue();
        assertThat(r.depth()).isEqualTo(3);
        assertThat(r.levelSizes()).hasSize(4);
        assertThat(r.verdict()).isEqualTo("COMPLETE to depth 3 (not a fixpoint: deeper states exist)");
    }

    @Test
    void aSearchThatRunsOutOfStatesIsAFixpoint() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults());
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.verdict()).startsWith("COMPLETE: every reachable state explored");
    }

    @Test
    void theConfigurationsDepthIsTheDefaultAndOptionsOverrideIt() {
        assertThat(ModelChecker.run(Checks.load("tiny-domus"), Options.defaults()).depth()).isEqualTo(2);
        assertThat(ModelChecker.run(Checks.load("tiny-domus"), Options.defaults().withDepth(1)).depth()).isEqualTo(1);
    }
}
