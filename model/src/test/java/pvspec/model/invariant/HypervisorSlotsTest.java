package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Domain;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.testing.Fixture;

/** INV-5 hypervisor-slots. */
class HypervisorSlotsTest {
    private final State s = Fixture.oneGuest();

    @Test
    void holdsInTheStandardWorld() {
        holds("INV-5", s);
    }

    @Test
    void aChangedReservedSlotIsCaught() {
        // The read-only M2P slot may be empty (before fill_ro_mpt, mm.c:1662-1665), never writable.
        holds("INV-5", s.withFrame(1, s.frame(1).withEntry(2, 0)));
        broken("INV-5", s.withFrame(1, s.frame(1).withEntry(2, s.config().m2pEntry() | PteFlag.RW.mask())), 1L);
        broken("INV-5", s.withFrame(1, s.frame(1).withEntry(2, Pte.make(0, PteFlag.P, PteFlag.RW, PteFlag.US))), 1L);
    }

    @Test
    void aGuestEntryToAHypervisorFrameIsCaught() {
        broken("INV-5", s.withFrame(2, s.frame(2).withEntry(2, Pte.make(0, PteFlag.P, PteFlag.RW, PteFlag.US))), 0L);
    }

    @Test
    void aTranslationToAHypervisorFrameIsCaught() {
        Domain d = s.dom(1);
        broken("INV-5", s.withDomain(d.withVcpu(0, d.vcpu(0).withTlb(d.vcpu(0).tlb().plus(9L, new TlbEntry(0, true))))), 0L);
    }
}
