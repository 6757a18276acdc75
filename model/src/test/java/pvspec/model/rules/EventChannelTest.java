package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.state.PortState;
import pvspec.model.state.State;

/** Event channels ({@link EventChannelRules}): the port state machine, delivery and upcalls. */
class EventChannelTest {
    private final State s = oneGuest();

    /** d1's port 1 unbound for d2, and d2's port 1 linked to it. */
    private State linked() {
        State t = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", "1");
        return accepts(t, "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=1", "1");
    }

    @Test
    void allocUnboundTakesTheLowestFreePortAndNamesTheRemote() {
        State t = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", "1");
        assertThat(t.dom(1).port(1).state()).isEqualTo(new PortState.Unbound(2));
        accepts(t, "d1: event_channel_op alloc_unbound dom=1 remote_dom=self", "2");
    }

    @Test
    void allocUnboundNeedsALiveDomainThatIsTheCallerOrTheControlDomain() {
        refuses(s, "d1: event_channel_op alloc_unbound dom=5 remote_dom=2", "ESRCH");
        refuses(s, "d1: event_channel_op alloc_unbound dom=2 remote_dom=1", "EPERM");
        accepts(s, "dom0: event_channel_op alloc_unbound dom=2 remote_dom=1", "1");
    }

    /** remote_dom is a domid_t that evtchn_alloc_unbound does not check (event_channel.c:342-344). */
    @Test
    void allocUnboundTakesRemoteDomAsA16BitValueUnchecked() {
        State t = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=-1", "1");
        assertThat(t.dom(1).port(1).state()).isEqualTo(new PortState.Unbound(0xFFFF));
        t = accepts(t, "d1: event_channel_op alloc_unbound dom=self remote_dom=65536", "2");
        assertThat(t.dom(1).port(2).state()).isEqualTo(new PortState.Unbound(0));
    }

    /** evtchn_status checks the port (event_channel.c:1136) before XSM_TARGET (1145). */
    @Test
    void statusChecksThePortBeforeThePermission() {
        refuses(s, "d1: event_channel_op status dom=2 port=99", "EINVAL");
        refuses(s, "d1: event_channel_op status dom=2 port=1", "EPERM");
    }

    /** evtchn_bind_virq: vCPU 0 for a global VIRQ (event_channel.c:494) before the handler check (502). */
    @Test
    void bindVirqChecksTheVcpuBeforeTheGlobalHandler() {
        refuses(s, "d1: event_channel_op bind_virq virq=2 vcpu=1", "EINVAL");
        refuses(s, "d1: event_channel_op bind_virq virq=2 vcpu=0", "EBUSY");
    }

    @Test
    void aDomainHasFinitelyManyPorts() {
        State t = s;
        for (int p = 1; p < 8; p++) t = accepts(t, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", Integer.toString(p));
        refuses(t, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", "ENOSPC");
        refuses(t, "d1: event_channel_op bind_ipi vcpu=0", "ENOSPC");
    }

    @Test
    void bindInterdomainLinksBothEndsAndSetsTheLocalEndPending() {
        State t = linked();
        assertThat(t.dom(1).port(1).state()).isEqualTo(new PortState.Interdomain(2, 1));
        assertThat(t.dom(2).port(1).state()).isEqualTo(new PortState.Interdomain(1, 1));
        assertThat(t.dom(2).port(1).pending()).isTrue();
        assertThat(t.dom(2).vcpu(0).upcallPending()).isTrue();
    }

    @Test
    void bindInterdomainNeedsAPortOfferedToTheCaller() {
        State t = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=0", "1");
        refuses(t, "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=1", "EINVAL");
        refuses(t, "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=2", "EINVAL");
        refuses(t, "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=99", "EINVAL");
        refuses(t, "d2: event_channel_op bind_interdomain remote_dom=9 remote_port=1", "ESRCH");
        accepts(t, "dom0: event_channel_op bind_interdomain remote_dom=1 remote_port=1", "1");
    }

    @Test
    void aDomainMayLinkTwoOfItsOwnPorts() {
        State t = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=self", "1");
        t = accepts(t, "d1: event_channel_op bind_interdomain remote_dom=self remote_port=1", "2");
        assertThat(t.dom(1).port(1).state()).isEqualTo(new PortState.Interdomain(1, 2));
    }

    @Test
    void sendSetsTheRemoteEndPendingAndRaisesItsUpcall() {
        State t = accepts(linked(), "d2: event_channel_op send port=1", "OK");
        assertThat(t.dom(1).port(1).pending()).isTrue();
        assertThat(t.dom(1).vcpu(0).upcallPending()).isTrue();
    }

    @Test
    void aMaskedPortHoldsItsUpcallUntilUnmasked() {
        State t = accepts(linked(), "d1: mask_evtchn port=1", "OK");
        t = accepts(t, "d2: event_channel_op send port=1", "OK");
        assertThat(t.dom(1).port(1).pending()).isTrue();
        assertThat(t.dom(1).vcpu(0).upcallPending()).isFalse();
        t = accepts(t, "d1: event_channel_op unmask port=1", "OK");
        assertThat(t.dom(1).vcpu(0).upcallPending()).isTrue();
    }

    @Test
    void clearingThePendingBitAcknowledgesTheEvent() {
        State t = accepts(linked(), "d2: clear_evtchn port=1", "OK");
        assertThat(t.dom(2).port(1).pending()).isFalse();
        assertThat(t.dom(2).vcpu(0).upcallPending()).isFalse();
        refuses(t, "d2: clear_evtchn port=8", "EINVAL");
        refuses(t, "d2: mask_evtchn port=-1", "EINVAL");
    }

    @Test
    void sendingOnAnUnboundPortDropsTheEvent() {
        State t = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", "1");
        State u = accepts(t, "d1: event_channel_op send port=1", "OK");
        assertThat(u).isEqualTo(t);
    }

    @Test
    void onlyInterdomainIpiAndUnboundPortsCanBeSentOn() {
        refuses(s, "d1: event_channel_op send port=0", "EINVAL");
        refuses(s, "d1: event_channel_op send port=3", "EINVAL");
        refuses(s, "d1: event_channel_op send port=8", "EINVAL");
        State t = accepts(s, "d1: event_channel_op bind_virq virq=0 vcpu=0", "1");
        refuses(t, "d1: event_channel_op send port=1", "EINVAL");
    }

    @Test
    void anIpiNotifiesItsVcpu() {
        State t = accepts(s, "d1: event_channel_op bind_ipi vcpu=1", "1");
        t = accepts(t, "d1: event_channel_op send port=1", "OK");
        assertThat(t.dom(1).vcpu(1).upcallPending()).isTrue();
        assertThat(t.dom(1).vcpu(0).upcallPending()).isFalse();
        refuses(s, "d1: event_channel_op bind_ipi vcpu=2", "ENOENT");
    }

    @Test
    void aPerVcpuVirqIsBoundOncePerVcpu() {
        State t = accepts(s, "d1: event_channel_op bind_virq virq=0 vcpu=0", "1");
        t = accepts(t, "d1: event_channel_op bind_virq virq=0 vcpu=1", "2");
        refuses(t, "d1: event_channel_op bind_virq virq=0 vcpu=1", "EEXIST");
        refuses(t, "d1: event_channel_op bind_virq virq=0 vcpu=2", "ENOENT");
    }

    @Test
    void virqNumbersAreChecked() {
        refuses(s, "d1: event_channel_op bind_virq virq=24 vcpu=0", "EINVAL");
        refuses(s, "d1: event_channel_op bind_virq virq=-1 vcpu=0", "EINVAL");
    }

    @Test
    void globalVirqsBelongToTheControlDomainOnVcpu0() {
        refuses(s, "d1: event_channel_op bind_virq virq=3 vcpu=0", "EBUSY");
        refuses(s, "dom0: event_channel_op bind_virq virq=3 vcpu=1", "EINVAL");
        accepts(s, "dom0: event_channel_op bind_virq virq=3 vcpu=0", "1");
        accepts(s, "d1: event_channel_op bind_virq virq=11 vcpu=0", "1");
        refuses(s, "d1: event_channel_op bind_virq virq=11 vcpu=1", "EINVAL");
    }

    @Test
    void closingOneEndLeavesThePeerWaitingForTheCloser() {
        State t = accepts(linked(), "d2: event_channel_op close port=1", "OK");
        assertThat(t.dom(2).port(1).isFree()).isTrue();
        assertThat(t.dom(2).port(1).pending()).isFalse();
        assertThat(t.dom(1).port(1).state()).isEqualTo(new PortState.Unbound(2));
        accepts(t, "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=1", "1");
    }

    @Test
    void closingAFreeOrReservedPortIsRefused() {
        refuses(s, "d1: event_channel_op close port=0", "EINVAL");
        refuses(s, "d1: event_channel_op close port=1", "EINVAL");
        refuses(s, "d1: event_channel_op close port=100", "EINVAL");
    }

    @Test
    void statusReportsThePortState() {
        State t = linked();
        accepts(t, "d1: event_channel_op status dom=self port=1", "EVTCHNSTAT_interdomain(dom=2,port=1,vcpu=0)");
        accepts(t, "d1: event_channel_op status dom=1 port=0", "EVTCHNSTAT_closed(vcpu=0)");
        accepts(t, "d1: event_channel_op status dom=1 port=2", "EVTCHNSTAT_closed(vcpu=0)");
        accepts(t, "dom0: event_channel_op status dom=2 port=1", "EVTCHNSTAT_interdomain(dom=1,port=1,vcpu=0)");
        refuses(t, "d1: event_channel_op status dom=2 port=1", "EPERM");
        refuses(t, "d1: event_channel_op status dom=9 port=1", "ESRCH");
        refuses(t, "d1: event_channel_op status dom=1 port=9", "EINVAL");
        State u = accepts(s, "d1: event_channel_op bind_virq virq=0 vcpu=0", "1");
        accepts(u, "d1: event_channel_op status dom=1 port=1", "EVTCHNSTAT_virq(virq=0,vcpu=0)");
        u = accepts(s, "d1: event_channel_op bind_ipi vcpu=1", "1");
        accepts(u, "d1: event_channel_op status dom=1 port=1", "EVTCHNSTAT_ipi(vcpu=1)");
        u = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", "1");
        accepts(u, "d1: event_channel_op status dom=1 port=1", "EVTCHNSTAT_unbound(dom=2,vcpu=0)");
    }

    @Test
    void anEventWakesABlockedVcpu() {
        State t = accepts(s, "d1: event_channel_op bind_ipi vcpu=1", "1");
        t = accepts(t, "d1.v1: sched_op block", "OK");
        assertThat(t.dom(1).vcpu(1).blocked()).isTrue();
        refuses(t, "d1.v1: sched_op yield", "ESRCH");
        t = accepts(t, "d1: event_channel_op send port=1", "OK");
        assertThat(t.dom(1).vcpu(1).blocked()).isFalse();
        accepts(t, "d1.v1: sched_op yield", "OK");
    }

    @Test
    void unknownCommandsAreNotImplemented() {
        refuses(s, "d1: event_channel_op cmd=99", "ENOSYS");
    }

    @Test
    void userModeCannotUseEventChannels() {
        refuses(s, "d1/user: event_channel_op bind_ipi vcpu=0", "EPERM");
        refuses(s, "d1/user: clear_evtchn port=1", "EPERM");
    }

    @Test
    void bindingNeedsAFreeLocalPort() {
        State t = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", "1");
        for (int p = 1; p < 8; p++) t = accepts(t, "d2: event_channel_op bind_ipi vcpu=0", Integer.toString(p));
        refuses(t, "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=1", "ENOSPC");
        refuses(t, "d2: event_channel_op bind_virq virq=0 vcpu=0", "ENOSPC");
    }

    @Test
    void theExtremeDomainIdsAndVirqsAreAccepted() {
        accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=65535", "1");
        accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=0", "1");
        accepts(s, "d1: event_channel_op bind_virq virq=13 vcpu=1", "1");
        refuses(s, "d1: event_channel_op bind_virq virq=23 vcpu=0", "EBUSY");
        accepts(s, "d1: event_channel_op status dom=self port=7", "EVTCHNSTAT_closed(vcpu=0)");
    }

    /** evtchn_bind_vcpu: the vCPU (event_channel.c:1197-1198) before the port (1200-1202), then the state. */
    @Test
    void bindVcpuChecksTheVcpuThenThePortThenItsState() {
        refuses(s, "d1: event_channel_op bind_vcpu port=99 vcpu=2", "ENOENT");
        refuses(s, "d1: event_channel_op bind_vcpu port=99 vcpu=1", "EINVAL");
        refuses(s, "d1: event_channel_op bind_vcpu port=0 vcpu=1", "EINVAL"); // ECS_RESERVED
        refuses(s, "d1: event_channel_op bind_vcpu port=1 vcpu=1", "EINVAL"); // ECS_FREE
        State t = accepts(s, "d1: event_channel_op bind_ipi vcpu=0", "1");
        refuses(t, "d1: event_channel_op bind_vcpu port=1 vcpu=1", "EINVAL"); // ECS_IPI
        t = accepts(t, "d1: event_channel_op bind_virq virq=0 vcpu=0", "2"); // VIRQ_TIMER: per vCPU
        refuses(t, "d1: event_channel_op bind_vcpu port=2 vcpu=1", "EINVAL");
    }

    /** Unbound and interdomain ports move (event_channel.c:1222-1225); the move survives the peer binding. */
    @Test
    void bindVcpuMovesUnboundAndInterdomainPorts() {
        State t = accepts(s, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", "1");
        t = accepts(t, "d1: event_channel_op bind_vcpu port=1 vcpu=1", "OK");
        t = accepts(t, "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=1", "1");
        accepts(t, "d1: event_channel_op status dom=self port=1", "EVTCHNSTAT_interdomain(dom=2,port=1,vcpu=1)");
        t = accepts(t, "d2: event_channel_op send port=1", "OK");
        assertThat(t.dom(1).vcpu(1).upcallPending()).isTrue();
        assertThat(t.dom(1).vcpu(0).upcallPending()).isFalse();
    }

    /** A per-domain VIRQ moves (get_virq_type != VIRQ_VCPU, event_channel.c:1215-1219). */
    @Test
    void bindVcpuMovesAPerDomainVirq() {
        State t = accepts(s, "d1: event_channel_op bind_virq virq=11 vcpu=0", "1"); // VIRQ_ARGO: VIRQ_DOMAIN
        t = accepts(t, "d1: event_channel_op bind_vcpu port=1 vcpu=1", "OK");
        accepts(t, "d1: event_channel_op status dom=self port=1", "EVTCHNSTAT_virq(virq=11,vcpu=1)");
    }

    /** do_event_channel_op: the lookup (ESRCH), XSM_TARGET (EPERM), then evtchn_reset's paused check (EINVAL). */
    @Test
    void resetChecksTheDomainThePermissionThenThePause() {
        refuses(s, "d1: event_channel_op reset dom=9", "ESRCH");
        refuses(s, "d1: event_channel_op reset dom=2", "EPERM");
        refuses(s, "dom0: event_channel_op reset dom=2", "EINVAL");
        State t = accepts(s, "dom0: domctl pausedomain dom=2", "OK");
        accepts(t, "dom0: event_channel_op reset dom=2", "OK");
        accepts(s, "d1: event_channel_op reset dom=self", "OK");
        refuses(s, "d1: event_channel_op reset_cont dom=self", "EBUSY");
    }

    /** Every open port is closed as evtchn_close closes it: the peer waits for the domain again. */
    @Test
    void resetClosesEveryPortAndUnbindsThePeers() {
        State t = linked();
        t = accepts(t, "d1: event_channel_op bind_ipi vcpu=1", "2");
        t = accepts(t, "d1: event_channel_op reset dom=self", "OK");
        for (int p = 1; p < t.dom(1).ports().size(); p++) assertThat(t.dom(1).port(p).isFree()).isTrue();
        assertThat(t.dom(2).port(1).state()).isEqualTo(new PortState.Unbound(1));
        accepts(t, "d1: event_channel_op alloc_unbound dom=self remote_dom=2", "1");
    }
}
