package pvspec.model.rules;

import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EEXIST;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOENT;
import static pvspec.model.abi.Errno.ENOSPC;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Errno.ESRCH;
import static pvspec.model.rules.Refusal.require;

import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.State;

/**
 * Event channels ({@code event_channel_op}, and the guest's own {@code clear_evtchn} and
 * {@code mask_evtchn}). A port is free, unbound (waiting for one named domain), interdomain
 * (linked both ways with a port of another domain), or bound to a virtual IRQ or an IPI. A
 * domain names only its own ports; sending on one sets the pending bit of the other end.
 */
final class EventChannelRules {
    private EventChannelRules() {}

    /** Virtual IRQs ({@code NR_VIRQS}). */
    static final int NR_VIRQS = 24;
    static final int VIRQ_TIMER = 0;
    static final int VIRQ_DEBUG = 1;
    static final int VIRQ_XENOPROF = 7;
    static final int VIRQ_ARGO = 11;
    static final int VIRQ_XENPMU = 13;

    /** {@code rcu_lock_domain_by_any_id}: a dying domain is still found. */
    static final Refusal NO_SUCH_DOMAIN = Refusal.of(ESRCH, "the domain does not exist");
    /** {@code get_free_port}: {@code d->is_dying}. */
    static final Refusal DYING = Refusal.of(EINVAL, "the domain is dying: it gets no new port");
    static final Refusal NO_FREE_PORT = Refusal.of(ENOSPC, "the domain has no free port");
    /** XSM_TARGET: the domain itself or the control domain. */
    static final Refusal NOT_PERMITTED = Refusal.of(EPERM, "only the domain itself or the control domain may do this");
    static final Refusal BAD_PORT = Refusal.of(EINVAL, "no such port");
    static final Refusal NOT_OFFERED = Refusal.of(EINVAL, "the remote port is not unbound for the caller");
    static final Refusal BAD_VIRQ = Refusal.of(EINVAL, "virtual IRQs are 0 to 23");
    static final Refusal GLOBAL_VIRQ = Refusal.of(EBUSY, "a global virtual IRQ is handled by the control domain");
    static final Refusal VIRQ_NOT_VCPU0 = Refusal.of(EINVAL, "a global or per-domain virtual IRQ is bound on vCPU 0");
    static final Refusal NO_SUCH_VCPU = Refusal.of(ENOENT, "no such vCPU");
    static final Refusal VIRQ_BOUND = Refusal.of(EEXIST, "that virtual IRQ is already bound on that vCPU");
    static final Refusal NOT_OPEN = Refusal.of(EINVAL, "the port is free or reserved");
    static final Refusal CANNOT_SEND = Refusal.of(EINVAL, "only interdomain, IPI and unbound ports can be sent on");
    static final Refusal UNKNOWN_COMMAND = Refusal.of(ENOSYS, "no such event-channel command in ABI v1");

    static final List<Refusal> REFUSALS = List.of(NO_SUCH_DOMAIN, DYING, NO_FREE_PORT, NOT_PERMITTED, BAD_PORT, NOT_OFFERED,
            BAD_VIRQ, VIRQ_NOT_VCPU0, NO_SUCH_VCPU, GLOBAL_VIRQ, VIRQ_BOUND, NOT_OPEN, CANNOT_SEND, UNKNOWN_COMMAND);

    static Outcome apply(State s, Caller c, EventChannelOp h) {
        if (h instanceof EventChannelOp.AllocUnbound) return allocUnbound(s, c, (EventChannelOp.AllocUnbound) h);
        if (h instanceof EventChannelOp.BindInterdomain) return bindInterdomain(s, c, (EventChannelOp.BindInterdomain) h);
        if (h instanceof EventChannelOp.BindVirq) return bindVirq(s, c, (EventChannelOp.BindVirq) h);
        if (h instanceof EventChannelOp.BindIpi) return bindIpi(s, c, (EventChannelOp.BindIpi) h);
        if (h instanceof EventChannelOp.Close) return close(s, c, ((EventChannelOp.Close) h).port());
        if (h instanceof EventChannelOp.Send) return send(s, c, ((EventChannelOp.Send) h).port());
        if (h instanceof EventChannelOp.Unmask) return setMask(s, c, ((EventChannelOp.Unmask) h).port(), false);
        if (h instanceof EventChannelOp.Status) return status(s, c, (EventChannelOp.Status) h);
        throw UNKNOWN_COMMAND;
    }

    static Outcome write(State s, Caller c, EventChannelWrite h) {
        if (h instanceof EventChannelWrite.MaskEvtchn) return setMask(s, c, h.port(), true);
        Domain d = ownPort(s, c, h.port());
        return Outcome.of(s.withDomain(Events.refresh(d.withPort(h.port(), d.port(h.port()).withPending(false)))), Result.OK);
    }

    /**
     * {@code EVTCHNOP_alloc_unbound} ({@code event_channel.c:evtchn_alloc_unbound}): a port of
     * {@code dom} that only {@code remote_dom} may bind to. The port is taken before the
     * permission check (and given back when it fails); {@code remote_dom} is not checked.
     */
    private static Outcome allocUnbound(State s, Caller c, EventChannelOp.AllocUnbound h) {
        int dom = domid(h.dom(), c);
        int remote = domid(h.remoteDom(), c);
        require(s.domains().containsKey(dom), NO_SUCH_DOMAIN);
        int port = freePort(s.dom(dom));
        require(dom == c.domain() || s.dom(c.domain()).privileged(), NOT_PERMITTED);
        Domain d = s.dom(dom);
        return Outcome.of(s.withDomain(d.withPort(port, d.port(port).withState(new PortState.Unbound(remote)))), Result.value(port));
    }

    /** A {@code domid_t} argument: its low 16 bits, as the C structure holds it, with {@code DOMID_SELF} resolved. */
    static int domid(int arg, Caller c) {
        return DomId.resolve(arg & 0xFFFF, c);
    }

    /** {@code get_free_port}: none for a dying domain, else the lowest free port. */
    private static int freePort(Domain d) {
        require(d.alive(), DYING);
        int port = Events.lowestFreePort(d);
        require(port > 0, NO_FREE_PORT);
        return port;
    }

    /**
     * {@code EVTCHNOP_bind_interdomain}: link a new local port with a port the remote domain
     * left unbound for the caller. The local end is set pending, since an event sent before the
     * link was dropped.
     */
    private static Outcome bindInterdomain(State s, Caller c, EventChannelOp.BindInterdomain h) {
        int remote = domid(h.remoteDom(), c);
        require(s.domains().containsKey(remote), NO_SUCH_DOMAIN);
        int local = freePort(s.dom(c.domain()));
        Domain r = s.dom(remote);
        require(r.hasPort(h.remotePort()), BAD_PORT);
        require(r.port(h.remotePort()).state() instanceof PortState.Unbound u && u.remoteDom() == c.domain(), NOT_OFFERED);
        s = s.withDomain(r.withPort(h.remotePort(), r.port(h.remotePort()).withState(new PortState.Interdomain(c.domain(), local))));
        Domain me = s.dom(c.domain());
        s = s.withDomain(me.withPort(local, new Port(new PortState.Interdomain(remote, h.remotePort()), false, me.port(local).masked(), 0)));
        return Outcome.of(Events.setPending(s, c.domain(), local), Result.value(local));
    }

    /**
     * {@code EVTCHNOP_bind_virq} ({@code event_channel.c:evtchn_bind_virq}): per-vCPU IRQs on any
     * vCPU, at most once each; the others on vCPU 0; a global one only by its handler (the
     * hardware domain unless the toolstack named another).
     */
    private static Outcome bindVirq(State s, Caller c, EventChannelOp.BindVirq h) {
        require(h.virq() >= 0 && h.virq() < NR_VIRQS, BAD_VIRQ);
        Domain d = s.dom(c.domain());
        boolean perVcpu = perVcpu(h.virq());
        require(perVcpu || h.vcpu() == 0, VIRQ_NOT_VCPU0);
        require(d.hasVcpu(h.vcpu()), NO_SUCH_VCPU);
        require(perVcpu || h.virq() == VIRQ_ARGO || d.privileged(), GLOBAL_VIRQ);
        for (Port p : d.ports()) require(!(p.state() instanceof PortState.Virq x && x.virq() == h.virq() && p.notifyVcpu() == h.vcpu()), VIRQ_BOUND);
        return bindLocal(s, d, new PortState.Virq(h.virq()), h.vcpu());
    }

    /** {@code EVTCHNOP_bind_ipi}: a port that notifies one of the caller's own vCPUs. */
    private static Outcome bindIpi(State s, Caller c, EventChannelOp.BindIpi h) {
        Domain d = s.dom(c.domain());
        require(d.hasVcpu(h.vcpu()), NO_SUCH_VCPU);
        return bindLocal(s, d, PortState.IPI, h.vcpu());
    }

    private static Outcome bindLocal(State s, Domain d, PortState state, int vcpu) {
        int port = freePort(d);
        return Outcome.of(s.withDomain(d.withPort(port, new Port(state, false, d.port(port).masked(), vcpu))), Result.value(port));
    }

    static boolean perVcpu(int virq) {
        return virq == VIRQ_TIMER || virq == VIRQ_DEBUG || virq == VIRQ_XENOPROF || virq == VIRQ_XENPMU;
    }

    /** {@code EVTCHNOP_close}. */
    private static Outcome close(State s, Caller c, int port) {
        PortState st = ownPort(s, c, port).port(port).state();
        require(!(st instanceof PortState.Free) && !(st instanceof PortState.Reserved), NOT_OPEN);
        return Outcome.of(closePort(s, c.domain(), port), Result.OK);
    }

    /**
     * Free a port ({@code evtchn_close}); the other end of an interdomain link becomes unbound
     * again, waiting for this domain.
     */
    static State closePort(State s, int dom, int port) {
        Domain d = s.dom(dom);
        PortState st = d.port(port).state();
        if (st instanceof PortState.Interdomain) {
            PortState.Interdomain link = (PortState.Interdomain) st;
            Domain r = s.dom(link.remoteDom());
            s = s.withDomain(Events.refresh(r.withPort(link.remotePort(), r.port(link.remotePort()).withState(new PortState.Unbound(dom)))));
            d = s.dom(dom);
        }
        return s.withDomain(Events.refresh(d.withPort(port, d.port(port).closed())));
    }

    /** {@code EVTCHNOP_send}: interdomain ports notify the other end, IPIs the port's vCPU; unbound ports drop the event. */
    private static Outcome send(State s, Caller c, int port) {
        PortState st = ownPort(s, c, port).port(port).state();
        if (st instanceof PortState.Interdomain) {
            PortState.Interdomain link = (PortState.Interdomain) st;
            return Outcome.of(Events.setPending(s, link.remoteDom(), link.remotePort()), Result.OK);
        }
        if (st instanceof PortState.Ipi) return Outcome.of(Events.setPending(s, c.domain(), port), Result.OK);
        require(st instanceof PortState.Unbound, CANNOT_SEND);
        return Outcome.of(s, Result.OK);
    }

    /** {@code EVTCHNOP_unmask} and {@code mask_evtchn}: an unmasked pending port raises its upcall. */
    private static Outcome setMask(State s, Caller c, int port, boolean masked) {
        Domain d = ownPort(s, c, port);
        return Outcome.of(s.withDomain(Events.refresh(d.withPort(port, d.port(port).withMasked(masked)))), Result.OK);
    }

    /**
     * {@code EVTCHNOP_status} ({@code event_channel.c:evtchn_status}): the {@code EVTCHNSTAT_*}
     * code of a port of {@code dom}; the port is checked before the permission.
     */
    private static Outcome status(State s, Caller c, EventChannelOp.Status h) {
        int dom = domid(h.dom(), c);
        require(s.domains().containsKey(dom), NO_SUCH_DOMAIN);
        require(s.dom(dom).hasPort(h.port()), BAD_PORT);
        require(dom == c.domain() || s.dom(c.domain()).privileged(), NOT_PERMITTED);
        return Outcome.of(s, Result.value(s.dom(dom).port(h.port()).state().status()));
    }

    private static Domain ownPort(State s, Caller c, int port) {
        Domain d = s.dom(c.domain());
        require(d.hasPort(port), BAD_PORT);
        return d;
    }
}
