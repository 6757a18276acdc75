package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.check.Check;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/** set_gdt, update_descriptor and MMUEXT_SET_LDT: what they change, beyond the results the regression traces check. */
class DescriptorRulesTest {
    private static final long FLAT_CODE_DPL0 = 0x00af9a000000ffffL;
    private static final long FLAT_CODE_DPL3 = 0x00affa000000ffffL;
    private static final long TSS = 0x0000890000000067L;

    @Test
    void aGdtFrameHoldsAGeneralAndADescriptorTypeReferenceUntilReplaced() {
        State s = Fixture.oneGuest("d1: set_gdt frames=4,5 entries=600 -> OK\n");
        assertThat(s.frame(4).type()).isEqualTo(PageType.SEG_DESC);
        assertThat(s.frame(4).count()).isEqualTo(2);
        assertThat(s.dom(1).vcpu(0).descriptors().gdtFrames()).containsExactly(4L, 5L);
        assertThat(s.dom(1).vcpu(0).descriptors().gdtEntries()).isEqualTo(600);
        State t = Step.step(s, Fixture.line(s.config(), "d1: set_gdt frames=5 entries=1").caller(),
                Fixture.line(s.config(), "d1: set_gdt frames=5 entries=1").call()).state();
        assertThat(t.frame(4).type()).isEqualTo(PageType.NONE);
        assertThat(t.frame(4).count()).isEqualTo(1);
        assertThat(t.frame(5).typeCount()).isEqualTo(1);
    }

    @Test
    void validationStoresDescriptorsFixedUpAndKeepsThoseBeforeARefusedOne() {
        State s = Fixture.oneGuest("d1: mmu_update ptr=4[0] val=" + hex(FLAT_CODE_DPL0) + " ptr=4[1] val=" + hex(TSS) + " ptr=4[2] val=" + hex(FLAT_CODE_DPL0) + " -> OK\n");
        var step = Fixture.line(s.config(), "d1: set_gdt frames=5,4 entries=1000");
        Outcome o = Step.step(s, step.caller(), step.call());
        assertThat(o.check()).contains(Check.SEG_DESC_INVALID);
        // pv_set_gdt put frame 5 back; validate_segdesc_page rewrote descriptor 0 in place before stopping at 1.
        assertThat(o.state().frame(5).count()).isEqualTo(1);
        assertThat(o.state().frame(5).type()).isEqualTo(PageType.NONE);
        assertThat(o.state().frame(4).type()).isEqualTo(PageType.NONE);
        assertThat(o.state().frame(4).entry(0)).isEqualTo(FLAT_CODE_DPL3);
        assertThat(o.state().frame(4).entry(2)).isEqualTo(FLAT_CODE_DPL0);
    }

    @Test
    void updateDescriptorStoresTheCheckedDescriptor() {
        State s = Fixture.oneGuest("d1: update_descriptor mfn=4 offset=16 desc=" + hex(FLAT_CODE_DPL0) + " -> OK\n");
        assertThat(s.frame(4).entry(2)).isEqualTo(FLAT_CODE_DPL3);
        assertThat(s.frame(4).typeCount()).isZero();
    }

    @Test
    void aCallGateKeepsItsDplInTheSelectorsRpl() {
        // DPL 3 gate to 0x0010 (a guest GDT selector): stored at DPL 0, the selector's RPL 3.
        assertThat(SegmentDescriptors.check(0x0000ec0000100000L)).hasValue(0x00008c0000130000L);
        assertThat(SegmentDescriptors.check(0x0000ec00e0080000L)).isEmpty();
    }

    @Test
    void setLdtRecordsBaseAndSizePerVcpu() {
        State s = Fixture.oneGuest("d1: mmuext_op set_ldt va=0.1 ents=3 -> OK\n");
        assertThat(s.dom(1).vcpu(0).descriptors().ldtBase()).isEqualTo(1);
        assertThat(s.dom(1).vcpu(0).descriptors().ldtEntries()).isEqualTo(3);
        assertThat(s.dom(1).vcpu(1).descriptors().ldtEntries()).isZero();
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
