package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;

/** Guest memory accesses ({@link AccessRules}, {@link Walks#translate}). */
class AccessTest {
    private final State s = oneGuest();

    @Test
    void aPermittedAccessFillsTheTlb() {
        State t = accepts(s, "d1: access read va=0.0", "OK");
        assertThat(t.dom(1).vcpu(0).tlb().get(0L)).isEqualTo(new TlbEntry(3, true));
        t = accepts(s, "d1: access read va=0.1", "OK");
        assertThat(t.dom(1).vcpu(0).tlb().get(1L)).isEqualTo(new TlbEntry(2, false));
    }

    @Test
    void aWriteLeavesTheOwnersData() {
        State t = accepts(s, "d1: access write va=0.0", "OK");
        assertThat(t.frame(3).dataTag()).isEqualTo(1);
    }

    @Test
    void aWriteThroughAReadOnlyMappingFaultsAndDropsTheTranslation() {
        State t = accepts(s, "d1: access read va=0.1", "OK");
        t = accepts(t, "d1: access write va=0.1", "fault");
        assertThat(t.dom(1).vcpu(0).tlb()).doesNotContainKey(1L);
    }

    @Test
    void aReadOnlyTranslationIsUpgradedByAWalk() {
        State t = accepts(s, "d1: update_va_mapping va=0.2 val=4:P|US flags=none", "OK");
        t = accepts(t, "d1: access read va=0.2", "OK");
        t = accepts(t, "d1: update_va_mapping va=0.2 val=4:P|RW|US flags=none", "OK");
        t = accepts(t, "d1: access write va=0.2", "OK");
        assertThat(t.dom(1).vcpu(0).tlb().get(2L)).isEqualTo(new TlbEntry(4, true));
    }

    @Test
    void aStaleTranslationIsTheGuestsToFlush() {
        State t = accepts(s, "d1: access write va=0.0", "OK");
        t = accepts(t, "d1: mmu_update ptr=2[0] val=3:P|US", "OK");
        accepts(t, "d1: access write va=0.0", "OK");
        t = accepts(t, "d1: mmuext_op invlpg_local va=0.0", "OK");
        accepts(t, "d1: access write va=0.0", "fault");
    }

    @Test
    void everyLevelMustBePresentAndTheReadOnlyM2pIsNeverWritable() {
        accepts(s, "d1: access read va=1.0", "fault");
        accepts(s, "d1: access read va=0.3", "fault");
        // Slot 2 is Xen's read-only M2P (x86_64/mm.c:534-535, fill_ro_mpt mm.c:1729).
        accepts(s, "d1: access read va=2.0", "OK");
        accepts(s, "d1: access write va=2.0", "fault");
    }

    /** pv/mm.h:122-123 (adjust_guest_l1e): Xen adds US to a guest entry; a kernel mapping does not fault. */
    @Test
    void aGuestEntryWithoutUsIsStillReachableByTheGuestKernel() {
        State t = accepts(s, "d1: update_va_mapping va=0.2 val=4:P|RW flags=none", "OK");
        assertThat(t.frame(2).entry(2)).isEqualTo(Pte.make(4, PteFlag.P, PteFlag.RW, PteFlag.US) | Pte.GUEST_KERNEL);
        accepts(t, "d1: access write va=0.2", "OK");
    }

    @Test
    void anAddressOutsideTheAddressSpaceFaults() {
        accepts(s, "d1: access read va=0x100", "fault");
        accepts(s, "d1: access read va=-1", "fault");
    }

    @Test
    void aVcpuWithoutPageTablesFaults() {
        accepts(s, "d1.v1: access read va=0.0", "fault");
    }

    @Test
    void userModeMayAccessMemory() {
        accepts(s, "d1/user: access write va=0.0", "OK");
    }
}
