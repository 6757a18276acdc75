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
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** INV-8 memory-isolation. */
class MemoryIsolationTest {
    private final State s = Fixture.oneGuest();

    @Test
    void holdsWithGrantsAndForeignMappingsOfTheControlDomain() {
        for (State t : TraceRun.of(Scenarios.trace("domu-pair-event-channel-and-grant")).states()) holds("INV-8", t);
        State t = Fixture.accepts(s, "dom0: memory_op populate_physmap dom=0 count=2", "2");
        t = Fixture.accepts(t, "dom0: mmu_update ptr=12[0] val=11:P|RW|US", "OK");
        t = Fixture.accepts(t, "dom0: mmuext_op pin_l2_table mfn=12 ; new_baseptr mfn=12", "OK");
        t = Fixture.accepts(t, "dom0: mmu_update foreigndom=2 ptr=11[0] val=7:P|US", "OK");
        t = Fixture.accepts(t, "dom0: access read va=0.0", "OK");
        holds("INV-8", t);
    }

    @Test
    void userModeWalksOnlyItsDomainsOwnValidatedUserRoot() {
        State t = Fixture.accepts(s, "d1: mmuext_op new_user_baseptr mfn=1", "OK");
        t = Fixture.accepts(t, "d1: iret cs=0xe033", "OK");
        holds("INV-8", t);
        Domain d = t.dom(1);
        // Another domain's frame, or one of its own that is not a top-level table, as the user root.
        broken("INV-8", t.withDomain(d.withVcpu(0, d.vcpu(0).withUserBaseptr(7))), 7L);
        broken("INV-8", t.withDomain(d.withVcpu(0, d.vcpu(0).withUserBaseptr(3))), 3L);
        // User mode with no user root (do_iret crashes such a guest instead).
        Domain e = s.dom(1);
        broken("INV-8", s.withDomain(e.withVcpu(0, e.vcpu(0).withUserMode(true))), null);
    }

    @Test
    void anEntryToAnotherDomainsFrameIsCaught() {
        broken("INV-8", s.withFrame(2, s.frame(2).withEntry(2, Pte.make(7, PteFlag.P, PteFlag.US))), 7L);
    }

    @Test
    void aTranslationToAnotherDomainsFrameIsCaught() {
        Domain d = s.dom(1);
        broken("INV-8", s.withDomain(d.withVcpu(0, d.vcpu(0).withTlb(d.vcpu(0).tlb().plus(2L, new TlbEntry(7, false))))), 7L);
    }

    @Test
    void aWritableTranslationOfAReadOnlyGrantIsCaught() {
        State t = Fixture.accepts(s, "d2: grant ref=0 domid=1 frame=9 readonly=true", "OK");
        t = Fixture.accepts(t, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map|readonly host_va=0.2", "0");
        holds("INV-8", t);
        Domain d = t.dom(1);
        broken("INV-8", t.withDomain(d.withVcpu(0, d.vcpu(0).withTlb(d.vcpu(0).tlb().plus(2L, new TlbEntry(9, true))))), 9L);
    }

    @Test
    void theControlDomainReachingAHypervisorOrFreeFrameIsCaught() {
        State t = Fixture.accepts(s, "dom0: memory_op populate_physmap dom=0 count=2", "2");
        t = Fixture.accepts(t, "dom0: mmu_update ptr=12[0] val=11:P|RW|US", "OK");
        t = Fixture.accepts(t, "dom0: mmuext_op pin_l2_table mfn=12 ; new_baseptr mfn=12", "OK");
        holds("INV-8", t);
        // The read-only M2P (frame 0) may be read, never written.
        holds("INV-8", t.withFrame(11, t.frame(11).withEntry(0, Pte.make(0, PteFlag.P, PteFlag.US))));
        broken("INV-8", t.withFrame(11, t.frame(11).withEntry(0, Pte.make(0, PteFlag.P, PteFlag.RW, PteFlag.US))), 0L);
        broken("INV-8", t.withFrame(11, t.frame(11).withEntry(0, Pte.make(14, PteFlag.P, PteFlag.US))), 14L);
    }

    @Test
    void aTableOfAnotherOwnerUnderABasePointerIsCaught() {
        broken("INV-8", s.withFrame(1, s.frame(1).withEntry(1, Pte.make(7, PteFlag.P, PteFlag.US))), 7L);
    }
}
