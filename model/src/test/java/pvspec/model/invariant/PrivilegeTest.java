package pvspec.model.invariant;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.state.Domain;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/** INV-10 privilege: the state part and the step part. */
class PrivilegeTest {
    private final State s = Fixture.oneGuest();
    private final Invariant inv = Invariants.byId("INV-10");

    @Test
    void holdsInTheStandardWorld() {
        holds("INV-10", s);
    }

    @Test
    void aPrivilegedGuestIsCaught() {
        Domain d = s.dom(1);
        broken("INV-10", s.withDomain(new Domain(d.id(), true, d.life(), d.pauseCount(), d.maxPages(), d.vcpus(), d.traps(),
                d.eventCallback(), d.failsafeCallback(), d.ports(), d.grants(), d.maptrack(), d.vmAssist())), null);
    }

    @Test
    void aDomctlThatSucceedsForAGuestIsCaught() {
        assertThat(inv.checkStep(s, Caller.kernel(1), new Domctl.PauseDomain(2), Result.OK, Facts.of(s))).isNotEmpty();
        assertThat(inv.checkStep(s, Caller.kernel(0), new Domctl.PauseDomain(2), Result.OK, Facts.of(s))).isEmpty();
        assertThat(inv.checkStep(s, Caller.kernel(1), new Domctl.PauseDomain(2), Result.err(pvspec.model.abi.Errno.EPERM), Facts.of(s))).isEmpty();
    }

    /** memory_op reports a refusal as "0 done" (memory.c:do_memory_op): what counts is an effect. */
    @Test
    void aForeignMemoryOpThatSucceedsForAGuestIsCaught() {
        assertThat(inv.checkStep(s, Caller.kernel(1), new MemoryOp.PopulatePhysmap(2, 1), Result.value(1), Facts.of(changed()))).isNotEmpty();
        assertThat(inv.checkStep(s, Caller.kernel(1), new MemoryOp.PopulatePhysmap(2, 1), Result.value(0), Facts.of(s))).isEmpty();
        assertThat(inv.checkStep(s, Caller.kernel(1), new MemoryOp.PopulatePhysmap(pvspec.model.abi.DomId.DOMID_SELF, 1), Result.value(1), Facts.of(changed()))).isEmpty();
    }

    private State changed() {
        return s.withDomain(s.dom(2).withMaxPages(99));
    }

    @Test
    void aHypercallThatSucceedsFromUserModeIsCaught() {
        assertThat(inv.checkStep(s, Caller.user(1, 0), new SchedOp.Yield(), Result.OK, Facts.of(s))).isNotEmpty();
    }

    @Test
    void everyForeignDomainOperationCountsAsForeign() {
        Caller d1 = Caller.kernel(1);
        pvspec.model.abi.MmuUpdate.Request one = new pvspec.model.abi.MmuUpdate.Request(2, 0, 0);
        assertThat(inv.checkStep(s, d1, new pvspec.model.abi.MmuUpdate(java.util.List.of(one), 2), Result.OK, Facts.of(s))).isNotEmpty();
        // An empty foreign batch does nothing; Xen checks the privilege at the first request (mm.c:4087).
        assertThat(inv.checkStep(s, d1, new pvspec.model.abi.MmuUpdate(java.util.List.of(), 2), Result.OK, Facts.of(s))).isEmpty();
        assertThat(inv.checkStep(s, d1, new pvspec.model.abi.MmuUpdate(java.util.List.of(), pvspec.model.abi.DomId.DOMID_SELF), Result.OK, Facts.of(s))).isEmpty();
        assertThat(inv.checkStep(s, d1, new MemoryOp.DecreaseReservation(2, java.util.List.of(7L)), Result.value(1), Facts.of(changed()))).isNotEmpty();
        assertThat(inv.checkStep(s, d1, new pvspec.model.abi.EventChannelOp.AllocUnbound(2, 1), Result.value(1), Facts.of(s))).isNotEmpty();
        assertThat(inv.checkStep(s, d1, new pvspec.model.abi.EventChannelOp.Status(2, 1), Result.value(1), Facts.of(s))).isNotEmpty();
        assertThat(inv.checkStep(s, d1, new pvspec.model.abi.EventChannelOp.Status(1, 1), Result.value(1), Facts.of(s))).isEmpty();
        assertThat(inv.checkStep(s, d1, new pvspec.model.abi.EventChannelOp.Send(1), Result.OK, Facts.of(s))).isEmpty();
    }

    @Test
    void anUnprivilegedControlDomainIsCaught() {
        Domain d = s.dom(0);
        broken("INV-10", s.withDomain(new Domain(d.id(), false, d.life(), d.pauseCount(), d.maxPages(), d.vcpus(), d.traps(),
                d.eventCallback(), d.failsafeCallback(), d.ports(), d.grants(), d.maptrack(), d.vmAssist())), null);
    }
}
