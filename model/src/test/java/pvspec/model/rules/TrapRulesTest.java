package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;


import org.junit.jupiter.api.Test;
import pvspec.model.abi.Mode;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.State;
import pvspec.model.state.TrapBounce;

/** The virtual IDT, callbacks and delivery ({@link TrapRules}). */
class TrapRulesTest {
    private final State s = oneGuest();

    private State withTraps() {
        return accepts(s, "d1: set_trap_table trap=14,0,0xe033,0.1 trap=13,0,0xe033,0.2 trap=128,3,0xe033,0.3 trap=32,1,0xe033,1.0", "OK");
    }

    @Test
    void installsHandlersAtGuestKernelPrivilege() {
        State t = accepts(s, "d1: set_trap_table trap=3,3,0xe030,0.1 trap=4,3,0x8,0.1", "OK");
        assertThat(t.dom(1).vcpu(0).traps().get(3)).isEqualTo(new TrapInfo(3, 3, 0xe033, 1));
        assertThat(t.dom(1).vcpu(0).traps().get(4).rpl()).isEqualTo(3);
    }

    @Test
    void anAddressOfZeroEndsTheList() {
        State t = accepts(s, "d1: set_trap_table trap=3,3,0xe033,0.1 trap=4,3,0xe033,0 trap=5,3,0xe033,0.1", "OK");
        assertThat(t.dom(1).vcpu(0).traps()).containsOnlyKeys(3);
    }

    @Test
    void anEmptyListClearsTheTable() {
        State t = accepts(withTraps(), "d1: set_trap_table", "OK");
        assertThat(t.dom(1).vcpu(0).traps()).isEmpty();
    }

    @Test
    void aNonEmptyListAddsToTheTable() {
        State t = accepts(withTraps(), "d1: set_trap_table trap=3,3,0xe033,0.1", "OK");
        assertThat(t.dom(1).vcpu(0).traps()).containsKeys(3, 13, 14, 32, 128);
    }

    /** do_set_trap_table (pv/callback.c:do_set_trap_table) installs entry by entry; a non-canonical one stops it, the earlier ones stay. */
    @Test
    void aNonCanonicalEntryStopsTheListAndTheEntriesBeforeItStay() {
        State t = accepts(s, "d1: set_trap_table trap=3,3,0xe033,0.1 trap=14,0,0xe033,0x100 trap=5,3,0xe033,0.1", "EINVAL");
        assertThat(t.dom(1).vcpu(0).traps()).containsOnlyKeys(3);
        refuses(s, "d1: set_trap_table trap=14,0,0xe033,-5", "EINVAL");
    }

    /** Xen checks only is_canonical_address: the hypervisor's range, and 8/8/16-bit fields, are taken as the C structure holds them. */
    @Test
    void onlyTheAddressIsCheckedTheFieldsAreTakenAsCFields() {
        State t = accepts(s, "d1: set_trap_table trap=14,0,0xe033,2.0", "OK");
        assertThat(t.dom(1).vcpu(0).traps().get(14).address()).isEqualTo(8);
        t = accepts(s, "d1: set_trap_table trap=256,0,0xe033,0.1 trap=-1,5,0x10000,0.2", "OK");
        assertThat(t.dom(1).vcpu(0).traps().get(0)).isEqualTo(new TrapInfo(0, 0, 0xe033, 1));
        assertThat(t.dom(1).vcpu(0).traps().get(255)).isEqualTo(new TrapInfo(255, 1, 3, 2));
    }

    /** do_set_callbacks (pv/callback.c) registers each canonical address, ignores the others, and returns 0. */
    @Test
    void setCallbacksIgnoresANonCanonicalAddressAndReturnsZero() {
        State t = accepts(s, "d1: set_callbacks event=0.3 failsafe=0", "OK");
        assertThat(t.dom(1).vcpu(0).callbacks().event()).isEqualTo(3);
        t = accepts(t, "d1: set_callbacks event=-1 failsafe=0x10", "OK");
        assertThat(t.dom(1).vcpu(0).callbacks().event()).isEqualTo(3);
        assertThat(t.dom(1).vcpu(0).callbacks().failsafe()).isEqualTo(0);
        t = accepts(t, "d1: set_callbacks event=2.1 failsafe=0.2", "OK");
        assertThat(t.dom(1).vcpu(0).callbacks().event()).isEqualTo(9);
        assertThat(t.dom(1).vcpu(0).callbacks().failsafe()).isEqualTo(2);
    }

    @Test
    void aPageFaultIsBouncedToVector14() {
        State t = accepts(withTraps(), "d1: access read va=1.1", "fault");
        TrapBounce b = t.dom(1).vcpu(0).lastTrap().orElseThrow();
        assertThat(b.vector()).isEqualTo(14);
        assertThat(b.software()).isFalse();
        assertThat(accepts(s, "d1: access read va=1.1", "fault").dom(1).vcpu(0).lastTrap()).isEmpty();
    }

    @Test
    void softwareInterruptsFollowTheirDpl() {
        State t = withTraps();
        State u = accepts(t, "d1/user: softint vector=128", "OK");
        assertThat(u.dom(1).vcpu(0).lastTrap().orElseThrow()).isEqualTo(new TrapBounce(128, true, Mode.USER, t.dom(1).vcpu(0).traps().get(128)));
        accepts(t, "d1: softint vector=32", "OK");
        u = accepts(t, "d1/user: softint vector=32", "fault");
        assertThat(u.dom(1).vcpu(0).lastTrap().orElseThrow().vector()).isEqualTo(13);
        accepts(t, "d1: softint vector=14", "fault");
        accepts(t, "d1: softint vector=200", "fault");
        accepts(t, "d1: softint vector=384", "OK"); // INT n's operand is 8 bits: 384 is 128
    }

    /** INT3/INTO reach Xen through its DPL-3 IDT entries; the guest's DPL is not checked (traps.c:1437-1440). */
    @Test
    void int3AndIntoAreDeliveredWhateverTheDpl() {
        State t = accepts(s, "d1: set_trap_table trap=3,0,0xe033,0.1 trap=4,0,0xe033,0.2", "OK");
        State u = accepts(t, "d1/user: softint vector=3", "OK");
        assertThat(u.dom(1).vcpu(0).lastTrap().orElseThrow()).isEqualTo(new TrapBounce(3, false, Mode.USER, t.dom(1).vcpu(0).traps().get(3)));
        u = accepts(t, "d1/user: softint vector=4", "OK");
        assertThat(u.dom(1).vcpu(0).lastTrap().orElseThrow().vector()).isEqualTo(4);
    }

    @Test
    void userModeCannotInstallHandlers() {
        refuses(s, "d1/user: set_trap_table", "EPERM");
        refuses(s, "d1/user: set_callbacks event=0 failsafe=0", "EPERM");
    }

    @Test
    void theBoundaryValuesAreAccepted() {
        State t = accepts(s, "d1: set_trap_table trap=255,3,0xffff,1.3 trap=0,0,0,0.1", "OK");
        assertThat(t.dom(1).vcpu(0).traps()).containsKeys(0, 255);
        accepts(t, "d1: softint vector=255", "OK");
        accepts(t, "d1: softint vector=0", "fault");
        accepts(s, "d1: set_trap_table trap=14,0,0xe033,3.3", "OK");
        refuses(s, "d1: set_trap_table trap=14,0,0xe033,0x10", "EINVAL");
        accepts(s, "d1: set_trap_table trap=14,0,0xe033,0xf", "OK");
    }
}
