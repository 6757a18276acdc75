package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckConfigException;

/**
 * Check files that are nonsense (issue 17): each is refused up front with one message naming the
 * file, line and column and saying the limit and why, instead of crashing, running out of memory
 * or silently letting the last of two directives win.
 */
class CheckFileNonsenseTest {
    private static final String HEAD = "config levels=2 entries=2 frames=4 domains=2 vcpus=1 ports=2 grants=1\n"
            + "dom0: domctl createdomain max_pages=2 vcpus=1 -> 1\n";

    private static void refused(String text, String message) {
        assertThatThrownBy(() -> CheckConfig.parse("x.check", text)).isInstanceOf(CheckConfigException.class).hasMessage(message);
    }

    @Test
    void aDuplicateDepthOrStatesIsRefused() {
        refused("#! depth 2\n#! depth 3\n" + HEAD, "x.check:2:4: duplicate '#! depth' (first on line 1)");
        refused("#! states 2\n#! states 3\n" + HEAD, "x.check:2:4: duplicate '#! states' (first on line 1)");
    }

    @Test
    void aDuplicateLetOfOneNameIsRefused() {
        refused("#! let m = 1\n#! let m = 2\n#! request d1: mmuext_op pin_l1_table mfn={m}\n" + HEAD, "x.check:2:8: duplicate '#! let m' (first on line 1)");
    }

    @Test
    void aDuplicateRequestTemplateOrRequestsDefaultIsRefused() {
        refused("#! request d1: sched_op yield\n#! request d1: sched_op yield\n" + HEAD,
                "x.check:2:12: duplicate '#! request d1: sched_op yield' (first on line 1)");
        refused("#! requests default\n#! requests default\n" + HEAD, "x.check:2:4: duplicate '#! requests default' (first on line 1)");
    }

    @Test
    void aDuplicatePropertyNameOrConstraintIsRefused() {
        refused(HEAD + "#! invariant p: alive(dom0)\n#! reach p: alive(d1)\n", "x.check:4:10: duplicate property name 'p' (first on line 3)");
        refused(HEAD + "#! constraint alive(d1)\n#! constraint alive(d1)\n", "x.check:4:15: duplicate '#! constraint alive(d1)' (first on line 3)");
        refused(HEAD + "#! invariant INV-3: alive(dom0)\n", "x.check:3:14: 'INV-3' is the model's INV-3 no-writable-pagetable");
    }

    @Test
    void aDuplicateConfigurationKeyIsRefused() {
        refused("config levels=2 frames=4 frames=8\n", "x.check:1:26: duplicate configuration key 'frames'");
    }

    @Test
    void aRangeBoundTooLargeForALongIsRefused() {
        refused("#! let m = 0..99999999999999999999\n#! request d1: mmuext_op pin_l1_table mfn={m}\n" + HEAD,
                "x.check:1:12: '99999999999999999999' does not fit a 64-bit number");
    }

    @Test
    void aRangeWhoseSizeOverflowsIsRefused() {
        refused("#! let m = -9223372036854775808..9223372036854775807\n#! request d1: mmuext_op pin_l1_table mfn={m}\n" + HEAD,
                "x.check:1:12: range '-9223372036854775808..9223372036854775807' has 18446744073709551616 values; a range may have at most 4,096 "
                        + "(each value multiplies the requests every explored state runs)");
        refused("#! let m = 5..1\n#! request d1: mmuext_op pin_l1_table mfn={m}\n" + HEAD, "x.check:1:12: empty range '5..1': the first bound is above the last");
    }

    @Test
    void templatesWhoseProductIsBillionsAreRefusedBeforeExpanding() {
        refused("#! let a = 0..4095\n#! request d1: mmu_update ptr={a}[{a}] val={a}:P ptr={a}[0] val=0\n" + HEAD,
                "x.check:2:12: the request templates expand to more than 1,048,576 requests (this one alone to 281,474,976,710,656): "
                        + "every explored state runs every request, so such a search could not finish; narrow the argument domains with '#! let'");
    }

    @Test
    void nestedDomainsThatMultiplyBeyondALongSaturateInsteadOfOverflowing() {
        StringBuilder t = new StringBuilder("#! let a = 0..4095\n#! request d1: mmu_update");
        for (int i = 0; i < 6; i++) t.append(" ptr={a}[0] val={a}:P");
        assertThatThrownBy(() -> CheckConfig.parse("x.check", t + "\n" + HEAD)).isInstanceOf(CheckConfigException.class)
                .hasMessageContaining("(this one alone to more than 10^18)");
    }

    @Test
    void depthZeroAndStatesZeroAreRefusedAsTheOptionsAre() {
        refused("#! depth 0\n" + HEAD, "x.check:1:10: must be positive, as --depth must (found 0)");
        refused("#! states 0\n" + HEAD, "x.check:1:11: must be positive, as --states must (found 0)");
    }

    @Test
    void numbersAreAsciiDigitsAndFitTheirBound() {
        refused("#! depth \u0663\n" + HEAD, "x.check:1:10: expected a positive number (ASCII digits), found '\u0663'");
        refused("#! depth 99999999999999999999999\n" + HEAD, "x.check:1:10: at most 2147483647, found 99999999999999999999999");
    }

    @Test
    void aConfigurationTooLargeToCheckIsRefusedBeforeItsStatesAreBuilt() {
        refused("# a comment\nconfig levels=4 entries=512 frames=16777216 domains=2\n",
                "x.check:2:1: the model checker takes at most 65,536 frames, this configuration has 16,777,216: "
                        + "every explored state holds (and the visited set encodes) every frame");
    }
}
