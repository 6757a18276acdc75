package pvspec.checker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.Checks;

/**
 * A search cut short leaves a checkpoint, and a search recovered from it ends exactly as an
 * uninterrupted one: the same states level by level, transitions, checks and coverage.
 */
class RecoveryTest {

    @ParameterizedTest(name = "{0}, cut after {1} states, {2} worker(s), fingerprints {3}")
    @CsvSource({"tiny-pagetables, 100, 1, false", "tiny-grants, 1000, 2, true", "tiny-domus, 50, 2, false", "tiny-grants, 300, 1, false"})
    void aRecoveredSearchGivesTheCountsOfAnUninterruptedOne(String config, long cut, int workers, boolean fp, @TempDir Path dir) {
        CheckConfig cfg = Checks.load(config);
        Options o = Options.defaults().withThreads(workers).withFingerprint(fp);
        CheckReport whole = ModelChecker.run(cfg, o);
        CheckReport first = ModelChecker.run(cfg, o.withMaxStates(cut).withCheckpoints(dir, 0));
        assertThat(first.status()).isEqualTo(Status.CUT_BY_STATES);
        assertThat(Files.exists(dir.resolve(Checkpoint.FILE))).isTrue();

        CheckReport resumed = ModelChecker.run(cfg, o.withRecoverFrom(dir).withCheckpoints(dir, 0));

        assertThat(resumed.status()).isEqualTo(whole.status());
        assertThat(resumed.depth()).isEqualTo(whole.depth());
        assertThat(resumed.levelSizes()).isEqualTo(whole.levelSizes());
        assertThat(resumed.transitions()).isEqualTo(whole.transitions());
        assertThat(resumed.skipped()).isEqualTo(whole.skipped());
        assertThat(resumed.statesChecked()).isEqualTo(whole.statesChecked());
        assertThat(resumed.stepChecks()).isEqualTo(whole.stepChecks());
        assertThat(resumed.coverage().table()).isEqualTo(whole.coverage().table());
    }

    @Test
    void aCheckpointResumesOnlyTheSearchThatWroteIt(@TempDir Path dir) {
        ModelChecker.run(Checks.load("tiny-grants"), Options.defaults().withMaxStates(100).withCheckpoints(dir, 0));
        assertThatThrownBy(() -> ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withRecoverFrom(dir)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another configuration");
        assertThatThrownBy(() -> ModelChecker.run(Checks.load("tiny-grants"), Options.defaults().withRecoverFrom(dir.resolve("none"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no checkpoint");
    }
}
