package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.PortState;
import pvspec.model.state.Relinquish;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** INV-13 lifecycle. */
class LifecycleTest {
    @Test
    void holdsThroughoutTheDestroyScenario() {
        for (State t : TraceRun.of(Scenarios.trace("destroy-returns-everything")).states()) holds("INV-13", t);
    }

    @Test
    void aDyingDomainWithAnOpenPortIsCaught() {
        State s = Fixture.oneGuest("d1: grant ref=0 domid=2 frame=4 readonly=false -> OK\n"
                + "d2: memory_op populate_physmap dom=self count=0 -> 0\n");
        State t = Fixture.accepts(s, "dom0: memory_op populate_physmap dom=0 count=1", "1");
        t = Fixture.accepts(t, "dom0: mmuext_op pin_l1_table mfn=11", "OK");
        t = Fixture.accepts(t, "dom0: mmu_update foreigndom=1 ptr=11[0] val=4:P|US", "OK");
        t = Fixture.accepts(t, "dom0: domctl destroydomain dom=1", "OK");
        holds("INV-13", t);
        Domain d = t.dom(1);
        broken("INV-13", t.withDomain(d.withPort(1, d.port(1).withState(new PortState.Unbound(2)))), null);
        broken("INV-13", t.withFrame(4, t.frame(4).withPinned(true)), 4L);
    }

    /**
     * A teardown preempted in relinquish_memory's first pass (the pinned L2 1's demotion, then
     * after frame 2) holds what it has not reached, and only that.
     */
    @Test
    void aPreemptedTeardownHoldsExactlyWhatItHasNotReached() {
        State t = Fixture.accepts(Fixture.oneGuest(), "dom0: domctl destroydomain dom=1 @preempt=1", "restart done=0");
        holds("INV-13", t);
        Domain d = t.dom(1);
        broken("INV-13", t.withDomain(d.withVcpu(0, d.vcpu(0).withBaseptr(1))), null); // the vCPUs' stage is done
        broken("INV-13", t.withDomain(d.withRelinquish(Relinquish.L2, 2)), 1L); // a partial L2 the L2 pass is past
        broken("INV-13", t.withDomain(d.withRelinquish(Relinquish.DONE, 0)), 1L);
        State u = Fixture.accepts(t, "dom0: domctl destroydomain dom=1 @preempt=2", "restart done=0");
        holds("INV-13", u);
        broken("INV-13", u.withFrame(2, u.frame(2).withAllocated(true)), 2L); // frames 1 and 2 are done
        holds("INV-13", Fixture.accepts(u, "dom0: domctl destroydomain dom=1", "OK"));
    }

    @Test
    void aDestroyedDomainThatStillOwnsAFrameIsCaught() {
        State s = Fixture.oneGuest();
        State t = Fixture.accepts(s, "dom0: domctl destroydomain dom=1", "OK");
        broken("INV-13", t.withFrame(12, Frame.allocated(1, 4)), 12L);
    }

    @Test
    void aPortLinkedToADestroyedDomainIsCaught() {
        State s = Fixture.oneGuest();
        State t = Fixture.accepts(s, "dom0: domctl destroydomain dom=1", "OK");
        Domain d = t.dom(2);
        broken("INV-13", t.withDomain(d.withPort(1, d.port(1).withState(new PortState.Interdomain(1, 1)))), null);
    }

    @Test
    void aDyingDomainStillHoldingMappingsOrPageTablesIsCaught() {
        State s = Fixture.oneGuest("d1: grant ref=0 domid=2 frame=4 readonly=false -> OK\n");
        State t = Fixture.accepts(s, "dom0: memory_op populate_physmap dom=0 count=1", "1");
        t = Fixture.accepts(t, "dom0: mmuext_op pin_l1_table mfn=11", "OK");
        t = Fixture.accepts(t, "dom0: mmu_update foreigndom=1 ptr=11[0] val=4:P|US", "OK");
        t = Fixture.accepts(t, "dom0: domctl destroydomain dom=1", "OK");
        Domain d = t.dom(1);
        broken("INV-13", t.withDomain(d.withVcpu(0, d.vcpu(0).withBaseptr(4))), null);
        broken("INV-13", t.withDomain(d.withMaptrack(d.maptrack().plus(0, new pvspec.model.state.Maptrack(2, 0, 8, pvspec.model.abi.GrantTableOp.GNTMAP_host_map | pvspec.model.abi.GrantTableOp.GNTMAP_readonly)))), null);
        broken("INV-13", t.withFrame(4, t.frame(4).withAllocated(true)), 4L);
    }
}
