package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Errno;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;

/**
 * The acceptance check of issue 6: the default configuration of {@code pvspec check} is explored
 * completely to its stated depth, with at least 100 000 distinct states, every request kind run
 * and every error code the model can return returned.
 */
class DefaultConfigurationTest {

    @Test
    void theDefaultConfigurationIsExploredCompletelyAndCoversTheAbi() {
        CheckReport r = ModelChecker.run(CheckConfig.small(), Options.defaults().withThreads(2));

        assertThat(r.status()).isEqualTo(Status.COMPLETE_TO_DEPTH);
        assertThat(r.complete()).isTrue();
        assertThat(r.states()).isGreaterThanOrEqualTo(100_000);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.coverage().kindsNeverRun()).isEmpty();
        // ENOMEM is returned by no rule (createdomain's id exhaustion is EEXIST, domctl.c:678-682);
        // EOVERFLOW needs a 256th pause (domain.c:1674), beyond depth 2.
        for (Errno e : Errno.values()) {
            if (e != Errno.ENOMEM && e != Errno.EOVERFLOW) assertThat(r.coverage().codesSeen()).contains(e.name());
        }
        assertThat(r.coverage().codesNotReached()).containsExactly("EOVERFLOW");
        assertThat(r.coverage().codesNotInModel()).containsExactly("ENOMEM", "GNTST_bad_virt_addr", "GNTST_bad_dev_addr",
                "GNTST_no_device_space", "GNTST_permission_denied", "GNTST_bad_copy_arg", "GNTST_address_too_big", "GNTST_eagain");
        assertThat(r.summary()).contains("COMPLETE to depth 2").contains("request kinds  61 of 61 ran");
    }
}
