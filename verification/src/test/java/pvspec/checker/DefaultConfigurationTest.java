package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Errno;

/**
 * The default configuration of {@code pvspec check}: it sets no bound (so the search runs to a
 * fixpoint; the README gives the full run's figures, cross-checked there with the unreduced
 * search), runs every request kind and returns every error code, and within a few steps its
 * levels hold exactly the states an independent naive enumeration finds.
 */
class DefaultConfigurationTest {
    private static final int DEPTH = 3;

    @Test
    void theDefaultConfigurationHasNoBoundSoTheSearchRunsToAFixpoint() {
        CheckConfig c = CheckConfig.small();
        assertThat(c.depth()).isEmpty();
        assertThat(c.maxStates()).isEmpty();
        assertThat(c.config().domains()).isEqualTo(3);
    }

    @Test
    void itsFirstLevelsAreTheStatesANaiveEnumerationFinds() {
        CheckConfig cfg = CheckConfig.small();
        NaiveSearch.Result naive = NaiveSearch.count(cfg, DEPTH, s -> s);
        CheckReport reduced = ModelChecker.run(cfg, Options.defaults().withDepth(DEPTH).withThreads(2));
        CheckReport fingerprints = ModelChecker.run(cfg, Options.defaults().withDepth(DEPTH).withThreads(1).withFingerprint(true)
                .withFingerprintsInMemory(100));

        assertThat(reduced.status()).isEqualTo(Status.COMPLETE_TO_DEPTH);
        assertThat(reduced.levelSizes()).isEqualTo(naive.levelSizes()).hasSize(DEPTH + 1);
        assertThat(fingerprints.levelSizes()).isEqualTo(naive.levelSizes());
        assertThat(reduced.counterexample()).isEmpty();
    }

    @Test
    void itRunsEveryRequestKindAndReturnsEveryErrorCode() {
        CheckReport r = ModelChecker.run(CheckConfig.small(), Options.defaults().withDepth(DEPTH).withThreads(2));

        assertThat(r.coverage().kindsNeverRun()).isEmpty();
        for (Errno e : Errno.values()) assertThat(r.coverage().codesSeen()).contains(e.name());
        assertThat(r.coverage().codesNotReached()).containsExactly("GNTST_bad_page");
        assertThat(r.coverage().codesNotInModel()).containsExactly("GNTST_bad_virt_addr", "GNTST_bad_dev_addr",
                "GNTST_permission_denied", "GNTST_bad_copy_arg", "GNTST_address_too_big", "GNTST_eagain", "GNTST_no_space");
        assertThat(r.summary()).contains("COMPLETE to depth 3").contains("request kinds  52 of 52 ran");
    }
}
