package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Mode;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Callbacks;
import pvspec.model.state.Domain;
import pvspec.model.state.Segments;
import pvspec.model.state.State;
import pvspec.model.state.TrapBounce;
import pvspec.model.testing.Fixture;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** INV-9 trap-table. */
class TrapTableTest {
    private final State s = Fixture.oneGuest("d1: set_trap_table trap=14,0,0xe033,0.1 -> OK\n");

    @Test
    void holdsThroughoutTheTrapScenario() {
        for (State t : TraceRun.of(Scenarios.trace("traps-and-callbacks")).states()) holds("INV-9", t);
    }

    @Test
    void aNonCanonicalHandlerIsCaught() {
        Domain d = s.dom(1);
        broken("INV-9", s.withDomain(withTrap(d, new TrapInfo(14, 0, 0xe033, 1 << 20))), null);
        holds("INV-9", s.withDomain(withTrap(d, new TrapInfo(14, 0, 0xe033, 8))));
    }

    @Test
    void aRingZeroHandlerIsCaught() {
        Domain d = s.dom(1);
        broken("INV-9", s.withDomain(withTrap(d, new TrapInfo(14, 0, 0xe030, 1))), null);
    }

    @Test
    void aCallbackOutsideTheGuestIsCaught() {
        broken("INV-9", s.withDomain(withCallbacks(s.dom(1), new Callbacks(1 << 20, 0, 0, 0, 0, 0))), null);
    }

    @Test
    void aSoftwareInterruptThroughAForbiddingDplIsCaught() {
        Domain d = s.dom(1);
        TrapBounce b = new TrapBounce(14, true, Mode.USER, d.vcpu(0).traps().get(14));
        broken("INV-9", s.withDomain(d.withVcpu(0, d.vcpu(0).withLastTrap(b))), null);
    }

    @Test
    void aMalformedEntryIsCaught() {
        Domain d = s.dom(1);
        broken("INV-9", s.withDomain(withTrap(d, new TrapInfo(13, 0, 0xe033, 1))), null);
        broken("INV-9", s.withDomain(withTrap(d, new TrapInfo(14, 4, 0xe033, 1))), null);
        broken("INV-9", s.withDomain(withTrap(d, new TrapInfo(14, 0, 0xe033, 0))), null);
        broken("INV-9", s.withDomain(withCallbacks(d, new Callbacks(0, -9, 0, 0, 0, 0))), null);
    }

    @Test
    void aBounceThroughARingZeroHandlerIsCaught() {
        Domain d = s.dom(1);
        TrapBounce b = new TrapBounce(14, false, Mode.KERNEL, new TrapInfo(14, 0, 0xe030, 1));
        broken("INV-9", s.withDomain(d.withVcpu(1, d.vcpu(1).withLastTrap(b))), null);
        TrapBounce ok = new TrapBounce(14, true, Mode.KERNEL, new TrapInfo(14, 1, 0xe033, 1));
        holds("INV-9", s.withDomain(d.withVcpu(1, d.vcpu(1).withLastTrap(ok))));
    }

    @Test
    void aRingZeroStackOrUserGsSelectorIsCaught() {
        Domain d = s.dom(1);
        broken("INV-9", s.withDomain(withSegments(d, Segments.NONE.withKernelStack(0xe028, 1))), null);
        broken("INV-9", s.withDomain(withSegments(d, Segments.NONE.withGsUser(0xe028, 0))), null);
        holds("INV-9", s.withDomain(withSegments(d, Segments.NONE.withKernelStack(0x13, 1).withGsUser(2, 0))));
    }

    @Test
    void aNonCanonicalSegmentBaseIsCaught() {
        Domain d = s.dom(1);
        broken("INV-9", s.withDomain(withSegments(d, Segments.NONE.withFsBase(-1))), null);
        broken("INV-9", s.withDomain(withSegments(d, Segments.NONE.withGsBaseKernel(s.config().vaPages()))), null);
        broken("INV-9", s.withDomain(withSegments(d, Segments.NONE.withGsBaseUser(Long.MIN_VALUE))), null);
        holds("INV-9", s.withDomain(withSegments(d, Segments.NONE.withFsBase(1).withGsBaseUser(s.config().vaPages() - 1))));
    }

    private static Domain withSegments(Domain d, Segments sg) {
        return d.withVcpu(0, d.vcpu(0).withSegments(sg));
    }

    private static Domain withTrap(Domain d, TrapInfo t) {
        return d.withVcpu(0, d.vcpu(0).withTraps(d.vcpu(0).traps().plus(14, t)));
    }

    private static Domain withCallbacks(Domain d, Callbacks cb) {
        return d.withVcpu(0, d.vcpu(0).withCallbacks(cb));
    }
}
