package pvspec.model.invariant;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/** INV-11 event-channels. */
class EventChannelsTest {
    private final State s = Fixture.oneGuest("d1: event_channel_op alloc_unbound dom=self remote_dom=2 -> 1\n"
            + "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=1 -> 1\n");

    @Test
    void holdsForALinkedPair() {
        holds("INV-11", s);
    }

    @Test
    void aLinkThatDoesNotLinkBackIsCaught() {
        Domain d = s.dom(2);
        broken("INV-11", s.withDomain(d.withPort(1, d.port(1).withState(new PortState.Interdomain(1, 2)))), null);
    }

    @Test
    void anUpcallWithoutAnEventIsCaught() {
        Domain d = s.dom(1);
        broken("INV-11", s.withDomain(d.withVcpu(1, d.vcpu(1).withUpcallPending(true))), null);
    }

    @Test
    void aVirqBoundTwiceOnOneVcpuIsCaught() {
        Domain d = s.dom(1);
        Port v = new Port(new PortState.Virq(0), false, false, 0);
        broken("INV-11", s.withDomain(d.withPort(2, v).withPort(3, v)), null);
    }

    @Test
    void aPendingFreePortIsCaught() {
        Domain d = s.dom(1);
        broken("INV-11", s.withDomain(d.withPort(4, Port.FREE.withPending(true))), null);
    }

    @Test
    void aSendThatRaisesAnUnrelatedPortIsCaught() {
        Domain d = s.dom(1);
        State after = s.withDomain(d.withPort(5, new Port(PortState.IPI, true, true, 0)));
        assertThat(Invariants.byId("INV-11").checkStep(s, Caller.kernel(2), new EventChannelOp.Send(1), Result.OK, Facts.of(after))).isNotEmpty();
    }

    @Test
    void anUnboundPortOfferedToNoDomainIdIsCaught() {
        Domain d = s.dom(1);
        broken("INV-11", s.withDomain(d.withPort(2, new Port(new PortState.Unbound(70000), false, false, 0))), null);
        broken("INV-11", s.withDomain(d.withPort(2, new Port(new PortState.Unbound(-1), false, false, 0))), null);
        holds("INV-11", s.withDomain(d.withPort(2, new Port(new PortState.Unbound(65535), false, false, 0))));
    }

    @Test
    void aPortNotifyingAVcpuThatDoesNotExistIsCaught() {
        Domain d = s.dom(2);
        broken("INV-11", s.withDomain(d.withPort(2, new Port(PortState.IPI, false, false, 1))), null);
        broken("INV-11", s.withDomain(d.withPort(2, new Port(new PortState.Virq(0), false, false, 3))), null);
    }

    @Test
    void aPortZeroThatIsNotReservedIsCaught() {
        Domain d = s.dom(2);
        broken("INV-11", s.withDomain(d.withPort(0, Port.FREE)), null);
    }

    @Test
    void aSleepingVcpuWithAnEventIsCaught() {
        Domain d = s.dom(2);
        State t = s.withDomain(d.withVcpu(0, d.vcpu(0).withBlocked(true)));
        broken("INV-11", t, null);
    }

    @Test
    void aSendFromAnIpiRaisesItsOwnPortOnly() {
        State t = pvspec.model.testing.Fixture.accepts(s, "d1: event_channel_op bind_ipi vcpu=1", "2");
        State u = pvspec.model.testing.Fixture.accepts(t, "d1: event_channel_op send port=2", "OK");
        assertThat(Invariants.byId("INV-11").checkStep(t, Caller.kernel(1), new EventChannelOp.Send(2), Result.OK, Facts.of(u))).isEmpty();
    }
}
