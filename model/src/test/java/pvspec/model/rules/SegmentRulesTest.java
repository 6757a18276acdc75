package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.check.Check;
import pvspec.model.state.Segments;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/** stack_switch and set_segment_base: what they store (pv/misc-hypercalls.c), beyond the results the regression trace checks. */
class SegmentRulesTest {
    @Test
    void aDomainStartsOnFlatKernelSs() {
        State s = Fixture.oneGuest("");
        assertThat(s.dom(1).vcpu(0).segments()).isEqualTo(Segments.NONE);
        assertThat(Segments.NONE.kernelSs()).isEqualTo(0xe02b); // FLAT_RING3_SS64, xen-x86_64.h:34
    }

    /** fixup_guest_stack_selector (asm/desc.h:49-56): an RPL below 3 becomes 3, the other bits stay; an RPL of 3 is kept. */
    @Test
    void stackSwitchRaisesTheRplAndStoresBoth() {
        State s = Fixture.oneGuest("d1: stack_switch ss=0xe028 sp=0x9 -> OK\n");
        assertThat(s.dom(1).vcpu(0).segments().kernelSs()).isEqualTo(0xe02b);
        assertThat(s.dom(1).vcpu(0).segments().kernelSp()).isEqualTo(9);
        s = Fixture.oneGuest("d1: stack_switch ss=0xfffffffffffffff1 sp=0 -> OK\n");
        assertThat(s.dom(1).vcpu(0).segments().kernelSs()).isEqualTo(0xfffffffffffffff3L);
        s = Fixture.oneGuest("d1: stack_switch ss=0x13 sp=2 -> OK\n");
        assertThat(s.dom(1).vcpu(0).segments().kernelSs()).isEqualTo(0x13);
    }

    /** :186-203: FS to fs_base, GS_USER to gs_base_user, GS_KERNEL to the kernel's GS base. */
    @Test
    void eachBaseGoesToItsRegister() {
        State s = Fixture.oneGuest("d1: set_segment_base which=fs base=0x5 -> OK\n"
                + "d1: set_segment_base which=gs_user base=0x6 -> OK\n"
                + "d1: set_segment_base which=gs_kernel base=0x7 -> OK\n");
        Segments sg = s.dom(1).vcpu(0).segments();
        assertThat(sg.fsBase()).isEqualTo(5);
        assertThat(sg.gsBaseUser()).isEqualTo(6);
        assertThat(sg.gsBaseKernel()).isEqualTo(7);
    }

    /** :205-216: (uint16_t)base; a selector above 3 gets RPL 3; a NUL selector (0-3) is loaded as it is. */
    @Test
    void theUserGsSelectorIsNulOrRpl3() {
        State s = Fixture.oneGuest("d1: set_segment_base which=gs_user_sel base=0xffff0000e028 -> OK\n");
        assertThat(s.dom(1).vcpu(0).segments().gsUserSel()).isEqualTo(0xe02b);
        s = Fixture.oneGuest("d1: set_segment_base which=gs_user_sel base=0x2 -> OK\n");
        assertThat(s.dom(1).vcpu(0).segments().gsUserSel()).isEqualTo(2);
    }

    /** A refused base changes nothing (:180-184); the check is the non-canonical one, not the unknown-which one. */
    @Test
    void aNonCanonicalBaseIsRefusedAndChangesNothing() {
        State s = Fixture.oneGuest("d1: set_segment_base which=fs base=0x5 -> OK\n");
        var step = Fixture.line(s.config(), "d1: set_segment_base which=fs base=-1");
        Outcome o = Step.step(s, step.caller(), step.call());
        assertThat(o.check()).contains(Check.SEG_BASE_NOT_CANONICAL);
        assertThat(o.state()).isEqualTo(s);
    }

    /** Per vCPU ({@code current->arch.pv}): the other vCPUs keep theirs. */
    @Test
    void stateIsPerVcpu() {
        State s = Fixture.oneGuest("d1: stack_switch ss=0x10 sp=3 -> OK\n");
        assertThat(s.dom(1).vcpus()).hasSizeGreaterThan(0);
        for (int v = 1; v < s.dom(1).vcpus().size(); v++) assertThat(s.dom(1).vcpu(v).segments()).isEqualTo(Segments.NONE);
        assertThat(s.dom(1).vcpu(0).segments().kernelSs()).isEqualTo(0x13);
    }
}
