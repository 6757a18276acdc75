package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import pvspec.model.state.Config;
import pvspec.checker.config.ArgumentDomains;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckConfigException;
import pvspec.checker.config.Request;

/** A checking configuration is a trace with {@code #!} directives; every mistake in one is reported with its line and column. */
class CheckConfigTest {

    private static final String HEAD = "config levels=2 entries=2 frames=4 domains=2 vcpus=1 ports=2 grants=1\n"
            + "dom0: domctl createdomain max_pages=2 vcpus=1 -> 1\n";

    @Test
    void theBuiltInDefaultIsSmall() {
        CheckConfig c = CheckConfig.small();
        assertThat(c.name()).isEqualTo("small");
        assertThat(c.config().levels()).isEqualTo(2);
        assertThat(c.config().entries()).isEqualTo(4);
        assertThat(c.depth()).isEmpty(); // explored to a fixpoint
        assertThat(c.maxStates()).isEmpty();
        assertThat(c.requests().size()).isEqualTo(122); // vaddr15 one (setup_table with a frame list Xen cannot write, refused); swap15 one (a swap beyond d1's table); gv2 three (set_version, get_version, get_status_frames from user mode); gntcopy three (setup_table, query_size, copy from user mode); usersplit2 two (stack_switch, set_segment_base from user mode); gnttransfer three (a refused transfer of a mapped frame; transfer and accept_transfer from user mode); 77 at issue 16, and one per kind issue 15 added (user mode) plus three that reach its seeded bugs; the desc branch eight (callback_op, set_gdt, update_descriptor, set_ldt from user mode, an NMI callback re-registered, a refused call gate); mmu2 four (two M2P updates; update_va_mapping_otherdomain and exchange from user mode); issue 14 the user split's three kinds (user mode); ptwr vm_assist (user mode) and 3 emulated L1 writes; grants2 two (unmap_and_replace from user mode, a misaligned contains_pte map)
        assertThat(CheckConfig.builtInText("small")).doesNotContainPattern("(?m)^#! depth").doesNotContainPattern("(?m)^#! requests default");
    }

    @Test
    void aConfigurationIsOpenedByBuiltInNameOrByFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThat(CheckConfig.open("small").name()).isEqualTo("small");
        java.nio.file.Path f = dir.resolve("mine.check");
        java.nio.file.Files.writeString(f, HEAD);
        assertThat(CheckConfig.open(f.toString()).name()).isEqualTo("mine");
        assertThatThrownBy(() -> CheckConfig.open(dir.resolve("missing.check").toString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void directivesSetBoundsDomainsAndRequests() throws Exception {
        CheckConfig c = CheckConfig.parse("x.check", "#! depth 3\n#! states 1_000\n#! let m = 1..2\n"
                + "#! request d1: mmuext_op pin_l1_table mfn={m}\n#! request d1: access read va={v}\n#! let v = 0.0 0x9\n" + HEAD);
        assertThat(c.name()).isEqualTo("x");
        assertThat(c.depth()).hasValue(3);
        assertThat(c.maxStates()).hasValue(1000);
        assertThat(c.requests().all()).extracting(Request::kind)
                .containsExactly("mmuext_op pin_l1_table", "mmuext_op pin_l1_table", "access read", "access read");
        assertThat(c.scenario().steps()).hasSize(1);
    }

    @Test
    void requestsDefaultAddsTheBuiltInTemplates() throws Exception {
        CheckConfig only = CheckConfig.parse("x", "#! request d1: sched_op yield\n" + HEAD);
        CheckConfig both = CheckConfig.parse("x", "#! request d1: sched_op yield\n#! requests default\n" + HEAD);
        CheckConfig none = CheckConfig.parse("x", HEAD);
        assertThat(only.requests().size()).isEqualTo(1);
        assertThat(both.requests().size()).isEqualTo(none.requests().size());
        assertThat(none.requests().size()).isGreaterThan(1000);
    }

    @Test
    void anEmptyValueAndNestedPlaceholdersExpand() throws Exception {
        CheckConfig c = CheckConfig.parse("x", "#! let t = \"\" trap=14,0,0xe033,{a}\n#! let a = 0.1 1.0\n#! request d1: set_trap_table {t}\n" + HEAD);
        assertThat(c.requests().size()).isEqualTo(3);
    }

    @Test
    void anUnknownDirectiveIsReportedWhereItIs() {
        assertThatThrownBy(() -> CheckConfig.parse("x.check", HEAD + "#! deepness 3\n"))
                .isInstanceOf(CheckConfigException.class).hasMessage("x.check:3:4: unknown directive 'deepness' (depth, states, let, request, requests, invariant, constraint, reach)");
    }

    @Test
    void aBadNumberIsReportedWhereItIs() {
        assertThatThrownBy(() -> CheckConfig.parse("x.check", "#! depth two\n" + HEAD))
                .isInstanceOf(CheckConfigException.class).hasMessage("x.check:1:10: expected a positive number (ASCII digits), found 'two'");
    }

    @Test
    void aTemplateNamingAnUnknownDomainIsReportedAtTheTemplate() {
        assertThatThrownBy(() -> CheckConfig.parse("x.check", HEAD + "\n#! request d1: access read va={nowhere}\n"))
                .isInstanceOf(CheckConfigException.class).hasMessageStartingWith("x.check:4:12: no argument domain 'nowhere'");
    }

    @Test
    void aTemplateThatIsNotARequestSaysWhatItExpandedTo() {
        assertThatThrownBy(() -> CheckConfig.parse("x.check", "#! let m = 1 one\n#! request d1: mmuext_op pin_l1_table mfn={m}\n" + HEAD))
                .isInstanceOf(CheckConfigException.class)
                .hasMessageStartingWith("x.check:2:12: request template expands to 'd1: mmuext_op pin_l1_table mfn=one', which is not a request: expected a number");
    }

    @Test
    void aTemplateMayNotExpectAResult() {
        assertThatThrownBy(() -> CheckConfig.parse("x.check", "#! request d1: sched_op yield -> OK\n" + HEAD))
                .isInstanceOf(CheckConfigException.class).hasMessage("x.check:1:12: a request template has no expected result ('->')");
    }

    @Test
    void aDomainThatRefersToItselfIsRefused() {
        assertThatThrownBy(() -> CheckConfig.parse("x", "#! let a = {a}\n#! request d1: access read va={a}\n" + HEAD))
                .isInstanceOf(CheckConfigException.class).hasMessageContaining("argument domain 'a' refers to itself");
    }

    @Test
    void aScenarioThatDoesNotGetItsExpectedResultsIsRefused() {
        assertThatThrownBy(() -> CheckConfig.parse("x.check", HEAD + "dom0: domctl createdomain max_pages=2 vcpus=1 -> 1\n"))
                .isInstanceOf(CheckConfigException.class)
                .hasMessage("x.check:3:1: the scenario expects 1 but the model returns EEXIST for 'dom0: domctl createdomain max_pages=2 vcpus=1'");
    }

    @Test
    void aMalformedScenarioIsReportedWithTheTraceParsersPosition() {
        assertThatThrownBy(() -> CheckConfig.parse("x.check", HEAD + "d1: frobnicate\n"))
                .isInstanceOf(CheckConfigException.class).hasMessage("x.check:3:5: unknown hypercall 'frobnicate'");
    }

    @Test
    void defaultDomainsFollowTheConfiguration() {
        ArgumentDomains d = ArgumentDomains.defaults(Config.small());
        assertThat(d.raw("mfn")).hasSize(Config.small().frames() + 1);
        assertThat(d.raw("port")).hasSize(Config.small().ports() + 1);
        assertThat(d.raw("dom")).contains("0", "self");
        assertThat(d.raw("flags")).contains("P|RW|US|PSE");
    }
}
