package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** INV-4 well-typed-tree. */
class WellTypedTreeTest {
    private final State s = Fixture.oneGuest();

    @Test
    void holdsThroughoutTheLinearScenario() {
        for (State t : TraceRun.of(Scenarios.trace("linear-page-tables")).states()) holds("INV-4", t);
    }

    @Test
    void aSuperpageEntryIsCaught() {
        broken("INV-4", s.withFrame(1, s.frame(1).withEntry(0, Pte.make(2, PteFlag.P, PteFlag.RW, PteFlag.US, PteFlag.PSE))), 1L);
    }

    @Test
    void anEntryToAnotherOwnersFrameIsCaught() {
        broken("INV-4", s.withFrame(1, s.frame(1).withEntry(1, Pte.make(7, PteFlag.P, PteFlag.US))), 7L);
    }

    @Test
    void anEntryToAFrameThatIsNoTableIsCaught() {
        broken("INV-4", s.withFrame(1, s.frame(1).withEntry(1, Pte.make(4, PteFlag.P, PteFlag.US))), 4L);
    }

    @Test
    void anEntryOutsideTheMachineIsCaught() {
        broken("INV-4", s.withFrame(2, s.frame(2).withEntry(3, Pte.make(100, PteFlag.P))), 2L);
    }

    @Test
    void aWritableLinearEntryIsCaught() {
        broken("INV-4", s.withFrame(1, s.frame(1).withEntry(3, Pte.make(1, PteFlag.P, PteFlag.RW, PteFlag.US))), 1L);
    }

    @Test
    void aChainOfLinearTablesIsCaught() {
        State t = Fixture.accepts(s, "d1: mmu_update ptr=4[0] val=2:P|US", "OK");
        t = Fixture.accepts(t, "d1: mmuext_op pin_l2_table mfn=4", "OK");
        t = Fixture.accepts(t, "d1: mmu_update ptr=1[1] val=4:P|US", "OK");
        // 4 is 1's linear target; give 4 a linear entry to a third L2 behind the checker's back.
        t = Fixture.accepts(t, "d1: mmu_update ptr=5[0] val=2:P|US", "OK");
        t = Fixture.accepts(t, "d1: mmuext_op pin_l2_table mfn=5", "OK");
        broken("INV-4", t.withFrame(4, t.frame(4).withEntry(3, Pte.make(5, PteFlag.P, PteFlag.US))), 4L);
    }

    @Test
    void aTableThatIsATargetHoldingALinearEntryIsCaught() {
        State t = Fixture.accepts(s, "d1: mmu_update ptr=4[0] val=2:P|US", "OK");
        t = Fixture.accepts(t, "d1: mmuext_op pin_l2_table mfn=4", "OK");
        t = Fixture.accepts(t, "d1: mmu_update ptr=1[1] val=4:P|US", "OK");
        holds("INV-4", t);
        // 1 holds a linear entry to 4; make 1 also a target, from 4, behind the rules' back.
        broken("INV-4", t.withFrame(4, t.frame(4).withEntry(3, Pte.make(1, PteFlag.P, PteFlag.US))), 4L);
        // A self-entry in the target is not a chain.
        holds("INV-4", Fixture.accepts(t, "d1: mmu_update ptr=4[3] val=4:P|US", "OK"));
    }
}
