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

/** INV-3 no-writable-pagetable. */
class NoWritablePagetableTest {
    private final State s = Fixture.oneGuest();

    @Test
    void holdsInTheStandardWorldAndThroughReadOnlyLinearEntries() {
        holds("INV-3", s);
        State t = Fixture.accepts(s, "d1: mmu_update ptr=1[3] val=1:P|US", "OK");
        holds("INV-3", t);
    }

    @Test
    void aWritableEntryToThePageTableUnderABasePointerIsCaught() {
        State t = s.withFrame(2, s.frame(2).withEntry(2, Pte.make(1, PteFlag.P, PteFlag.RW, PteFlag.US)));
        broken("INV-3", t, 1L);
    }

    @Test
    void aWritableEntryInAPinnedTableIsCaughtEvenWithoutBasePointer() {
        State t = Fixture.accepts(s, "d1: mmuext_op pin_l1_table mfn=4", "OK");
        t = t.withFrame(4, t.frame(4).withEntry(0, Pte.make(2, PteFlag.P, PteFlag.RW, PteFlag.US)));
        broken("INV-3", t, 2L);
    }

    @Test
    void aWritableLinearEntryIsCaught() {
        State t = s.withFrame(1, s.frame(1).withEntry(3, Pte.make(1, PteFlag.P, PteFlag.RW, PteFlag.US)));
        broken("INV-3", t, 2L);
    }

    @Test
    void aStaleWritableTranslationOfAPageTableIsCaught() {
        Domain d = s.dom(1);
        State t = s.withDomain(d.withVcpu(1, d.vcpu(1).withTlb(d.vcpu(1).tlb().plus(5L, new TlbEntry(2, true)))));
        broken("INV-3", t, 2L);
    }
}
