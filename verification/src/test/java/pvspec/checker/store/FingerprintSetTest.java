package pvspec.checker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.Checks;

/** The disk-backed fingerprint set answers exactly like an in-memory set, whatever part of it is on disk. */
class FingerprintSetTest {

    @Test
    void aSetSpilledToDiskManyTimesHoldsExactlyWhatWasAdded(@TempDir Path dir) {
        long seed = 16;
        Random rnd = new Random(seed);
        Set<Long> reference = new HashSet<>();
        try (FingerprintSet fps = new FingerprintSet(1_000, dir)) {
            for (int i = 0; i < 50_000; i++) {
                long fp = i % 7 == 0 ? rnd.nextInt(100) - 50 : rnd.nextLong(); // small values (and 0) repeat
                assertThat(fps.add(fp)).as("seed %d, add #%d", seed, i).isEqualTo(reference.add(fp));
            }
            assertThat(fps.size()).isEqualTo(reference.size());
            assertThat(fps.onDisk()).isGreaterThan(40_000);
            for (long fp : reference) assertThat(fps.contains(fp)).isTrue();
            for (int i = 0; i < 50_000; i++) {
                long probe = rnd.nextLong();
                assertThat(fps.contains(probe)).isEqualTo(reference.contains(probe));
            }
            assertThat(fps.contains(Long.MIN_VALUE)).isEqualTo(reference.contains(Long.MIN_VALUE));
            assertThat(fps.contains(Long.MAX_VALUE)).isEqualTo(reference.contains(Long.MAX_VALUE));
        }
    }

    @Test
    void aSearchWithItsFingerprintsOnDiskFindsTheSameStates() {
        CheckConfig cfg = Checks.load("tiny-grants");
        CheckReport inMemory = ModelChecker.run(cfg, Options.defaults().withFingerprint(true));
        CheckReport onDisk = ModelChecker.run(cfg, Options.defaults().withFingerprint(true).withFingerprintsInMemory(7));
        CheckReport exact = ModelChecker.run(cfg, Options.defaults());
        assertThat(onDisk.status()).isEqualTo(Status.FIXPOINT);
        assertThat(onDisk.levelSizes()).isEqualTo(inMemory.levelSizes()).isEqualTo(exact.levelSizes());
        assertThat(onDisk.transitions()).isEqualTo(exact.transitions());
    }
}
