package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.HypervisorUnderTest;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Coverage;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.check.Unreturned;

/**
 * examples/errors.check (issue 15): every errno value and every GNTST status some rule returns is
 * returned in its fixpoint, each by the request Xen refuses with it (the file's comments name
 * Xen's check); the report lists nothing as not reached and prints why the other two statuses
 * are returned by no rule; the hypervisor agrees on every transition, and a hypervisor that swaps
 * a mapped grant entry does not.
 */
class ErrorsExampleTest {
    private static final Path EXAMPLE = Path.of("../examples/errors.check");

    /** Request kind and the code Xen gives it from the scenario's end (the file's comments cite the check). */
    private static final String[][] EXPECTED = {
        {"domctl pausedomain", "EPERM"},
        {"event_channel_op bind_virq", "ENOENT"},
        {"domctl pausedomain", "ESRCH"},
        {"memory_op exchange", "ENOMEM"},
        {"mmuext_op flush_cache", "EACCES"},
        {"update_va_mapping", "EFAULT"},
        {"set_gdt", "EFAULT"},
        {"mmu_update", "EBUSY"},
        {"domctl createdomain", "EEXIST"},
        {"set_segment_base", "EINVAL"},
        {"event_channel_op alloc_unbound", "ENOSPC"},
        {"hypercall", "ENOSYS"},
        {"mmuext_op mark_super", "EOPNOTSUPP"},
        {"domctl pausedomain", "EOVERFLOW"},
        {"grant_table_op query_size", "GNTST_okay"},
        {"grant_table_op setup_table", "GNTST_general_error"},
        {"grant_table_op query_size", "GNTST_bad_domain"},
        {"grant_table_op copy", "GNTST_bad_gntref"},
        {"grant_table_op unmap_grant_ref", "GNTST_bad_handle"},
        {"grant_table_op unmap_grant_ref", "GNTST_bad_dev_addr"},
        {"grant_table_op query_size", "GNTST_permission_denied"},
        {"grant_table_op copy", "GNTST_bad_page"},
        {"grant_table_op copy", "GNTST_bad_copy_arg"},
        {"grant_table_op map_grant_ref", "GNTST_no_space"},
        {"grant_table_op setup_table", "GNTST_bad_virt_addr"},
        {"grant_table_op swap_grant_ref", "GNTST_eagain"},
        {"access read", "OK"},
        {"access read", "fault"},
    };

    @Test
    void everyCodeAnyRuleReturnsIsReturnedAtTheFixpoint() throws Exception {
        CheckReport r = ModelChecker.run(CheckConfig.load(EXAMPLE), Options.defaults().withThreads(2));
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.states()).isEqualTo(4);
        assertThat(r.depth()).isEqualTo(2);
        Coverage c = r.coverage();
        for (String[] e : EXPECTED) assertThat(c.count(e[0], e[1])).as("%s returns %s", e[0], e[1]).isPositive();
        for (Errno e : Errno.values()) assertThat(c.codesSeen()).contains(e.name());
        for (Gntst g : Gntst.values()) assertThat(c.codesSeen().contains(g.name())).as(g.name()).isEqualTo(Unreturned.of(g.name()).isEmpty());
        assertThat(c.codesNotReached()).isEmpty();
        for (Coverage.TemplateCount t : r.templates()) assertThat(t.executed()).as(t.template().text()).isPositive();
        String summary = r.summary();
        assertThat(summary).contains("13 of 13 errno values, 12 of 14 GNTST statuses returned").doesNotContain("not reached");
        for (Unreturned u : Unreturned.values()) assertThat(summary).contains(u.status().name() + ": " + u.why());
    }

    @Test
    void theHypervisorAgreesOnEveryCode() throws Exception {
        CheckReport r = ModelChecker.run(CheckConfig.load(EXAMPLE), Options.defaults().withImplementation(HypervisorUnderTest.standard()).withThreads(2));
        assertThat(r.divergence()).isEmpty();
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
    }

    /** The swap of d1's mapped ref 0 is its one request that reaches swap-ignores-pin: found at depth 1. */
    @Test
    void theSwapOfAMappedEntryFindsSwapIgnoresPin() throws Exception {
        CheckReport r = ModelChecker.run(CheckConfig.load(EXAMPLE), MutantRuns.against("swap-ignores-pin"));
        assertThat(r.divergence()).isPresent();
        assertThat(r.depth()).isEqualTo(1);
    }
}
