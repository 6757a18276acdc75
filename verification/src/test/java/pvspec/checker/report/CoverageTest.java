package pvspec.checker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.check.Unreturned;
import pvspec.checker.config.Options;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.Checks;

/** Coverage counts kinds and codes, and tells codes the bounds missed from codes the model never returns. */
class CoverageTest {

    @Test
    void theModelsRefusalCataloguesProduceEveryErrnoAndSomeGrantStatuses() {
        // ENOMEM since XENMEM_exchange (memory.c:835-841; createdomain's id exhaustion is EEXIST, domctl.c:678-682).
        for (Errno e : Errno.values()) assertThat(ModelCodes.PRODUCIBLE).contains(e.name());
        assertThat(ModelCodes.PRODUCIBLE).contains("OK", "fault", "GNTST_okay", "GNTST_general_error", "GNTST_bad_domain",
                "GNTST_bad_gntref", "GNTST_bad_handle", "GNTST_bad_page", "GNTST_no_space");
        // The codes no rule returns are exactly those the model lists with why (Unreturned).
        for (Gntst g : Gntst.values()) assertThat(ModelCodes.PRODUCIBLE.contains(g.name())).as(g.name()).isEqualTo(Unreturned.of(g.name()).isEmpty());
    }

    @Test
    void aRunCountsWhatItExecuted() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-grants"), Options.defaults());
        Coverage c = r.coverage();
        assertThat(c.executions("grant")).isPositive();
        assertThat(c.count("grant_table_op unmap_grant_ref", "GNTST_okay")).isPositive();
        assertThat(c.count("grant_table_op unmap_grant_ref", "GNTST_bad_handle")).isPositive();
        assertThat(c.kindsNeverRun()).contains("mmu_update").doesNotContain("grant", "end_access");
        assertThat(c.codesNotInModel()).contains("GNTST_no_device_space").doesNotContain("EINVAL", "GNTST_eagain");
        // GNTST_eagain is a rule's (swap_grant_ref) that this run has no request for.
        assertThat(c.codesNotReached()).contains("ENOSYS", "GNTST_eagain").doesNotContain("GNTST_no_device_space");
        assertThat(c.table()).contains("grant_table_op map_grant_ref").contains("NEVER RUN");
    }

    @Test
    void resultCodesNameEveryErrnoAndStatus() {
        assertThat(ResultCodes.ALL).hasSize(2 + Errno.values().length + Gntst.values().length);
        assertThat(ResultCodes.ALL.subList(0, 2)).isEqualTo(List.of("OK", "fault"));
    }
}
