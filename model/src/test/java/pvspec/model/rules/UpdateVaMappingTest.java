package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.State;

/** update_va_mapping ({@link UpdateVaMappingRules}). */
class UpdateVaMappingTest {
    private final State s = oneGuest();
    /** 4:P|US as Xen stores it (adjust_guest_l1e adds G to a user mapping, pv/mm.h:125-126). */
    private static final long USER_4 = Pte.make(4, PteFlag.P, PteFlag.US, PteFlag.G);

    @Test
    void writesTheL1EntryThatMapsTheAddress() {
        State t = accepts(s, "d1: update_va_mapping va=0.2 val=4:P|RW|US flags=none", "OK");
        // adjust_guest_l1e (pv/mm.h:125-126): a user mapping is stored with G.
        assertThat(t.frame(2).entry(2)).isEqualTo(Pte.make(4, PteFlag.P, PteFlag.RW, PteFlag.US, PteFlag.G));
    }

    @Test
    void appliesTheEntryChecks() {
        refuses(s, "d1: update_va_mapping va=0.2 val=1:P|RW|US flags=none", "EBUSY");
        refuses(s, "d1: update_va_mapping va=0.2 val=7:P|US flags=none", "EBUSY");
        refuses(s, "d1: update_va_mapping va=0.2 val=4:P|PSE flags=none", "EINVAL");
    }

    @Test
    void flushesOnlyAfterASuccessfulUpdate() {
        State t = accepts(s, "d1: access write va=0.0", "OK");
        refuses(t, "d1: update_va_mapping va=0.0 val=1:P|RW|US flags=tlb_flush|local", "EBUSY");
        State u = accepts(t, "d1: update_va_mapping va=0.0 val=0 flags=invlpg|local", "OK");
        assertThat(u.dom(1).vcpu(0).tlb()).isEmpty();
    }

    @Test
    void flushesAsAsked() {
        State t = accepts(s, "d1.v1: mmuext_op new_baseptr mfn=1", "OK");
        t = accepts(t, "d1: access write va=0.0", "OK");
        t = accepts(t, "d1.v1: access read va=0.0", "OK");
        State u = accepts(t, "d1: update_va_mapping va=0.2 val=4:P|US flags=tlb_flush|all", "OK");
        assertThat(u.dom(1).vcpu(1).tlb()).isEmpty();
        u = accepts(t, "d1: update_va_mapping va=0.0 val=3:P|US flags=invlpg|all", "OK");
        assertThat(u.dom(1).vcpu(0).tlb()).isEmpty();
        assertThat(u.dom(1).vcpu(1).tlb()).isEmpty();
        u = accepts(t, "d1: update_va_mapping va=0.2 val=4:P|US flags=tlb_flush|local", "OK");
        assertThat(u.dom(1).vcpu(0).tlb()).isEmpty();
        assertThat(u.dom(1).vcpu(1).tlb()).isNotEmpty();
        u = accepts(t, "d1: update_va_mapping va=0.2 val=4:P|US flags=none", "OK");
        assertThat(u.dom(1).vcpu(0).tlb()).isNotEmpty();
    }

    @Test
    void theAddressMustBeMappedByAnL1OfTheCaller() {
        refuses(s, "d1: update_va_mapping va=0x100 val=0 flags=none", "EINVAL");
        refuses(s, "d1: update_va_mapping va=-1 val=0 flags=none", "EINVAL");
        refuses(s, "d1: update_va_mapping va=1.0 val=0 flags=none", "EINVAL");
        refuses(s, "d1: update_va_mapping va=2.0 val=0 flags=none", "EINVAL");
        refuses(s, "d1.v1: update_va_mapping va=0.0 val=0 flags=none", "EINVAL");
    }

    @Test
    void anAddressReachedThroughALinearEntryIsNotAnL1Slot() {
        State t = accepts(s, "d1: mmu_update ptr=1[3] val=1:P|US", "OK");
        refuses(t, "d1: update_va_mapping va=3.0 val=0 flags=none", "EINVAL");
    }

    /** mm.c:4536-4541: the vCPU mask is read after the write; unreadable -> EFAULT, entry written, nothing flushed. */
    @Test
    void aVcpuMaskPointerIsReadAfterTheWriteAndFaults() {
        State t = accepts(s, "d1: access read va=0.0", "OK");
        State u = accepts(t, "d1: update_va_mapping va=0.2 val=4:P|US flags=9", "EFAULT");
        assertThat(u.frame(2).entry(2)).isEqualTo(USER_4);
        assertThat(u.frame(4).count()).isEqualTo(2);
        assertThat(u.dom(1).vcpu(0).tlb()).isNotEmpty();
        u = accepts(t, "d1: update_va_mapping va=0.2 val=4:P|US flags=10", "EFAULT");
        assertThat(u.frame(2).entry(2)).isEqualTo(USER_4);
        assertThat(u.dom(1).vcpu(0).tlb()).isNotEmpty();
    }

    /** mm.c:4527: without a flush type Xen never looks at the rest of the flags. */
    @Test
    void withoutAFlushTypeTheRestOfTheFlagsIsIgnored() {
        State u = accepts(s, "d1: update_va_mapping va=0.2 val=4:P|US flags=8", "OK");
        assertThat(u.frame(2).entry(2)).isEqualTo(USER_4);
    }

    /** mm.c:4527: the switch has no case for flush type 3: the write stands, nothing is flushed, rc 0. */
    @Test
    void flushTypeThreeFlushesNothing() {
        State t = accepts(s, "d1: access read va=0.0", "OK");
        State u = accepts(t, "d1: update_va_mapping va=0.2 val=4:P|US flags=3", "OK");
        assertThat(u.frame(2).entry(2)).isEqualTo(USER_4);
        assertThat(u.dom(1).vcpu(0).tlb()).isNotEmpty();
        assertThat(accepts(s, "d1: update_va_mapping va=0.2 val=4:P|US flags=-1", "OK").frame(2).entry(2)).isEqualTo(USER_4);
    }

    @Test
    void userModeCannotUpdate() {
        refuses(s, "d1/user: update_va_mapping va=0.2 val=0 flags=none", "EPERM");
    }
}
