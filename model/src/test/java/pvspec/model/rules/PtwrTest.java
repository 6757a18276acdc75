package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Domain;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/** {@code vm_assist} ({@link VmAssistRules}) and writable page tables ({@link AccessRules}): d1's L1 2 is mapped read-only at 0.1. */
class PtwrTest {
    private final State s = accepts(oneGuest(), "d1: set_trap_table trap=14,0,0xe033,0.2", "OK");
    private final State assisted = accepts(s, "d1: vm_assist cmd=enable type=writable_pagetables", "OK");

    @Test
    void vmAssistSetsAndClearsTheCallersBitAndRefusesInXensOrder() {
        assertThat(assisted.dom(1).vmAssist(Domain.VMASST_WRITABLE_PAGETABLES)).isTrue();
        assertThat(assisted.dom(2).vmAssist()).isZero();
        State t = accepts(assisted, "d1: vm_assist cmd=disable type=writable_pagetables", "OK");
        assertThat(t.dom(1).vmAssist()).isZero();
        refuses(s, "d1: vm_assist cmd=enable type=6", "EINVAL");
        refuses(s, "d1: vm_assist cmd=9 type=64", "EINVAL");
        refuses(s, "d1: vm_assist cmd=9 type=m2p_strict", "ENOSYS");
        assertThat(accepts(s, "d1: vm_assist cmd=enable type=4294967328", "OK").dom(1).vmAssist(Domain.VMASST_M2P_STRICT)).isTrue();
    }

    @Test
    void aKernelsWriteToItsOwnL1IsEmulatedWithItsReferences() {
        int count = assisted.frame(4).count();
        State t = accepts(assisted, "d1: access write va=0.1 offset=16 value=4:P|RW|US", "OK");
        assertThat(Pte.mfn(t.frame(2).entry(2))).isEqualTo(4);
        assertThat(Pte.has(t.frame(2).entry(2), PteFlag.G)).as("adjust_guest_l1e").isTrue();
        assertThat(t.frame(4).count()).isEqualTo(count + 1);
        assertThat(t.frame(4).type()).isEqualTo(PageType.WRITABLE);
        assertThat(t.dom(1).vcpu(0).tlb()).doesNotContainKey(1L);
        t = accepts(t, "d1: access write va=0.1 offset=16 value=0", "OK");
        assertThat(t.frame(4).count()).isEqualTo(count);
        assertThat(t.frame(4).typeCount()).isZero();
    }

    @Test
    void withoutTheAssistFromUserModeOrUnalignedTheGuestGetsItsPageFault() {
        State t = accepts(s, "d1: access write va=0.1 offset=16 value=4:P|US", "fault");
        assertThat(t.frame(2).entry(2)).isZero();
        assertThat(accepts(assisted, "d1.v0/user: access write va=0.1 offset=16 value=4:P|US", "fault").frame(2).entry(2)).isZero();
        assertThat(accepts(assisted, "d1: access write va=0.1 offset=12 value=4:P|US", "fault").frame(2).entry(2)).isZero();
        assertThat(accepts(assisted, "d1: access write va=0.1 offset=32 value=4:P|US", "fault").frame(2).entry(2)).isZero();
    }

    @Test
    void anEntryGetPageFromL1eRefusesIsNotWritten() {
        for (String v : new String[] {"7:P|US", "2:P|RW|US", "1:P|RW|US", "4:P|US|GNTTAB", "99:P|US"}) {
            State t = accepts(assisted, "d1: access write va=0.1 offset=16 value=" + v, "fault");
            assertThat(t.frame(2).entry(2)).as(v).isZero();
            assertThat(t.dom(1).vcpu(0).lastTrap()).as(v).hasValueSatisfying(b -> assertThat(b.vector()).isEqualTo(TrapRules.PAGE_FAULT));
        }
    }

    @Test
    void onlyAnL1OfTheWriterIsEmulated() {
        State t = accepts(assisted, "d1: mmu_update ptr=2[3] val=1:P|US", "OK");
        accepts(t, "d1: access write va=0.3 offset=0 value=0", "fault");
        t = accepts(assisted, "d1: mmu_update ptr=2[3] val=5:P|US", "OK");
        accepts(t, "d1: access write va=0.3 offset=0 value=0", "fault");
    }
}
