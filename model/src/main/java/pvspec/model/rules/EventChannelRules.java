package pvspec.model.rules;

import static pvspec.model.abi.check.Check.EVTCHN_DYING;
import static pvspec.model.abi.check.Check.EVTCHN_BAD_PORT;
import static pvspec.model.abi.check.Check.EVTCHN_BAD_VIRQ;
import static pvspec.model.abi.check.Check.EVTCHN_BIND_VCPU_BAD_STATE;
import static pvspec.model.abi.check.Check.EVTCHN_BIND_VCPU_NO_SUCH_VCPU;
import static pvspec.model.abi.check.Check.EVTCHN_BIND_VCPU_PER_VCPU_VIRQ;
import static pvspec.model.abi.check.Check.EVTCHN_CANNOT_SEND;
import static pvspec.model.abi.check.Check.EVTCHN_GLOBAL_VIRQ;
import static pvspec.model.abi.check.Check.EVTCHN_NOT_OFFERED;
import static pvspec.model.abi.check.Check.EVTCHN_NOT_OPEN;
import static pvspec.model.abi.check.Check.EVTCHN_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.EVTCHN_NO_FREE_PORT;
import static pvspec.model.abi.check.Check.EVTCHN_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.EVTCHN_NO_SUCH_VCPU;
import static pvspec.model.abi.check.Check.EVTCHN_RESET_BUSY;
import static pvspec.model.abi.check.Check.EVTCHN_RESET_NOT_PAUSED;
import static pvspec.model.abi.check.Check.EVTCHN_RESET_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.EVTCHN_RESET_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.EVTCHN_UNKNOWN_COMMAND;
import static pvspec.model.abi.check.Check.EVTCHN_VIRQ_BOUND;
import static pvspec.model.abi.check.Check.EVTCHN_VIRQ_NOT_VCPU0;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.Virq;
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


    static Outcome apply(State s, Caller c, EventChannelOp h) {
        return h.accept(new EventChannelOp.Visitor<>() {
            @Override public Outcome allocUnbound(EventChannelOp.AllocUnbound x) { return EventChannelRules.allocUnbound(s, c, x); }
            @Override public Outcome bindInterdomain(EventChannelOp.BindInterdomain x) { return EventChannelRules.bindInterdomain(s, c, x); }
            @Override public Outcome bindVirq(EventChannelOp.BindVirq x) { return EventChannelRules.bindVirq(s, c, x); }
            @Override public Outcome bindIpi(EventChannelOp.BindIpi x) { return EventChannelRules.bindIpi(s, c, x); }
            @Override public Outcome close(EventChannelOp.Close x) { return EventChannelRules.close(s, c, x.port()); }
            @Override public Outcome send(EventChannelOp.Send x) { return EventChannelRules.send(s, c, x.port()); }
            @Override public Outcome unmask(EventChannelOp.Unmask x) { return setMask(s, c, x.port(), false); }
            @Override public Outcome status(EventChannelOp.Status x) { return EventChannelRules.status(s, c, x); }
            @Override public Outcome bindVcpu(EventChannelOp.BindVcpu x) { return EventChannelRules.bindVcpu(s, c, x); }
            @Override public Outcome reset(EventChannelOp.Reset x) { return EventChannelRules.reset(s, c, x); }
            @Override public Outcome unknown(EventChannelOp.Unknown x) { throw Refusal.of(EVTCHN_UNKNOWN_COMMAND); }
        });
    }

    static Outcome write(State s, Caller c, EventChannelWrite h) {
        return h.accept(new EventChannelWrite.Visitor<>() {
            @Override public Outcome maskEvtchn(EventChannelWrite.MaskEvtchn x) { return setMask(s, c, x.port(), true); }

            @Override
            public Outcome clearEvtchn(EventChannelWrite.ClearEvtchn x) {
                Domain d = ownPort(s, c, x.port());
                return Outcome.of(s.withDomain(Events.refresh(d.withPort(x.port(), d.port(x.port()).withPending(false)))), Result.OK);
            }
        });
    }

    /**
     * {@code EVTCHNOP_alloc_unbound} ({@code event_channel.c:evtchn_alloc_unbound}): a port of
     * {@code dom} that only {@code remote_dom} may bind to. The port is taken before the
     * permission check (and given back when it fails); {@code remote_dom} is not checked.
     */
    private static Outcome allocUnbound(State s, Caller c, EventChannelOp.AllocUnbound h) {
        int dom = domid(h.dom(), c);
        int remote = domid(h.remoteDom(), c);
        require(s.domains().containsKey(dom), EVTCHN_NO_SUCH_DOMAIN);
        int port = freePort(s.dom(dom));
        require(dom == c.domain() || s.dom(c.domain()).privileged(), EVTCHN_NOT_PERMITTED);
        Domain d = s.dom(dom);
        return Outcome.of(s.withDomain(d.withPort(port, d.port(port).withState(new PortState.Unbound(remote)))), Result.value(port));
    }

    /** A {@code domid_t} argument: its low 16 bits, as the C structure holds it, with {@code DOMID_SELF} resolved. */
    static int domid(int arg, Caller c) {
        return DomId.resolve(arg & 0xFFFF, c);
    }

    /** {@code get_free_port}: none for a dying domain, else the lowest free port. */
    private static int freePort(Domain d) {
        require(d.alive(), EVTCHN_DYING);
        int port = Events.lowestFreePort(d);
        require(port > 0, EVTCHN_NO_FREE_PORT);
        return port;
    }

    /**
     * {@code EVTCHNOP_bind_interdomain}: link a new local port with a port the remote domain
     * left unbound for the caller. The local end is set pending, since an event sent before the
     * link was dropped.
     */
    private static Outcome bindInterdomain(State s, Caller c, EventChannelOp.BindInterdomain h) {
        int remote = domid(h.remoteDom(), c);
        require(s.domains().containsKey(remote), EVTCHN_NO_SUCH_DOMAIN);
        int local = freePort(s.dom(c.domain()));
        Domain r = s.dom(remote);
        require(r.hasPort(h.remotePort()), EVTCHN_BAD_PORT);
        require(r.port(h.remotePort()).state() instanceof PortState.Unbound u && u.remoteDom() == c.domain(), EVTCHN_NOT_OFFERED);
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
        require(h.virq() >= 0 && h.virq() < Virq.NR_VIRQS, EVTCHN_BAD_VIRQ);
        Domain d = s.dom(c.domain());
        boolean perVcpu = perVcpu(h.virq());
        require(perVcpu || h.vcpu() == 0, EVTCHN_VIRQ_NOT_VCPU0);
        require(d.hasVcpu(h.vcpu()), EVTCHN_NO_SUCH_VCPU);
        require(perVcpu || h.virq() == Virq.VIRQ_ARGO || d.privileged(), EVTCHN_GLOBAL_VIRQ);
        // v->virq_to_evtchn[virq] (:508-513): a VIRQ that is not per-vCPU is bound on vCPU 0
        // whatever vCPU bind_vcpu later made it notify (:1216-1218 leaves virq_to_evtchn alone).
        for (Port p : d.ports()) require(!(p.state() instanceof PortState.Virq x && x.virq() == h.virq() && (!perVcpu || p.notifyVcpu() == h.vcpu())), EVTCHN_VIRQ_BOUND);
        return bindLocal(s, d, new PortState.Virq(h.virq()), h.vcpu());
    }

    /** {@code EVTCHNOP_bind_ipi}: a port that notifies one of the caller's own vCPUs. */
    private static Outcome bindIpi(State s, Caller c, EventChannelOp.BindIpi h) {
        Domain d = s.dom(c.domain());
        require(d.hasVcpu(h.vcpu()), EVTCHN_NO_SUCH_VCPU);
        return bindLocal(s, d, PortState.IPI, h.vcpu());
    }

    private static Outcome bindLocal(State s, Domain d, PortState state, int vcpu) {
        int port = freePort(d);
        return Outcome.of(s.withDomain(d.withPort(port, new Port(state, false, d.port(port).masked(), vcpu))), Result.value(port));
    }

    static boolean perVcpu(int virq) {
        return Virq.perVcpu(virq);
    }

    /** {@code EVTCHNOP_close}. */
    private static Outcome close(State s, Caller c, int port) {
        PortState st = ownPort(s, c, port).port(port).state();
        require(!(st instanceof PortState.Free) && !(st instanceof PortState.Reserved), EVTCHN_NOT_OPEN);
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
        require(st instanceof PortState.Unbound, EVTCHN_CANNOT_SEND);
        return Outcome.of(s, Result.OK);
    }

    /** {@code EVTCHNOP_unmask} and {@code mask_evtchn}: an unmasked pending port raises its upcall. */
    private static Outcome setMask(State s, Caller c, int port, boolean masked) {
        Domain d = ownPort(s, c, port);
        return Outcome.of(s.withDomain(Events.refresh(d.withPort(port, d.port(port).withMasked(masked)))), Result.OK);
    }

    /**
     * {@code EVTCHNOP_status} ({@code event_channel.c:evtchn_status}): the {@code EVTCHNSTAT_*}
     * code of a port of {@code dom} with its fields and notified vCPU; the port is checked before
     * the permission.
     */
    private static Outcome status(State s, Caller c, EventChannelOp.Status h) {
        int dom = domid(h.dom(), c);
        require(s.domains().containsKey(dom), EVTCHN_NO_SUCH_DOMAIN);
        require(s.dom(dom).hasPort(h.port()), EVTCHN_BAD_PORT);
        require(dom == c.domain() || s.dom(c.domain()).privileged(), EVTCHN_NOT_PERMITTED);
        Port p = s.dom(dom).port(h.port());
        return Outcome.of(s, statusOf(p.state(), p.notifyVcpu()));
    }

    private static Result.EvtchnStatus statusOf(PortState st, int vcpu) {
        if (st instanceof PortState.Unbound) return Result.EvtchnStatus.unbound(((PortState.Unbound) st).remoteDom(), vcpu);
        if (st instanceof PortState.Interdomain) {
            PortState.Interdomain link = (PortState.Interdomain) st;
            return Result.EvtchnStatus.interdomain(link.remoteDom(), link.remotePort(), vcpu);
        }
        if (st instanceof PortState.Virq) return Result.EvtchnStatus.virq(((PortState.Virq) st).virq(), vcpu);
        if (st instanceof PortState.Ipi) return Result.EvtchnStatus.ipi(vcpu);
        return Result.EvtchnStatus.closed(vcpu); // ECS_FREE, ECS_RESERVED
    }

    /**
     * {@code EVTCHNOP_bind_vcpu} ({@code event_channel.c:evtchn_bind_vcpu}): the vCPU first, then
     * the port, then its state. Unbound and interdomain ports and global or per-domain VIRQs
     * move; the port's pending event moves with it (the model's upcall flag is the condition
     * itself, see {@link Events#refresh}).
     */
    private static Outcome bindVcpu(State s, Caller c, EventChannelOp.BindVcpu h) {
        Domain d = s.dom(c.domain());
        require(d.hasVcpu(h.vcpu()), EVTCHN_BIND_VCPU_NO_SUCH_VCPU);
        require(d.hasPort(h.port()), EVTCHN_BAD_PORT);
        Port p = d.port(h.port());
        if (p.state() instanceof PortState.Virq) require(!perVcpu(((PortState.Virq) p.state()).virq()), EVTCHN_BIND_VCPU_PER_VCPU_VIRQ);
        else require(p.state() instanceof PortState.Unbound || p.state() instanceof PortState.Interdomain, EVTCHN_BIND_VCPU_BAD_STATE);
        Port moved = new Port(p.state(), p.pending(), p.masked(), h.vcpu());
        return Outcome.of(s.withDomain(Events.refresh(d.withPort(h.port(), moved))), Result.OK);
    }

    /**
     * {@code EVTCHNOP_reset} and {@code EVTCHNOP_reset_cont} ({@code do_event_channel_op},
     * {@code event_channel.c:evtchn_reset}, XSA-343): the domain lookup, XSM, then another
     * domain only while the control domain holds it paused; then every port from 1 up is closed
     * as {@code EVTCHNOP_close} would (free ports are skipped), interdomain peers becoming unbound
     * again. A reset is never in progress between two steps (Xen's preemption every 64 ports is
     * not modelled), so {@code reset_cont} is always refused with EBUSY, and Xen's final EAGAIN (a
     * port opened concurrently) is never reached.
     */
    private static Outcome reset(State s, Caller c, EventChannelOp.Reset h) {
        int dom = domid(h.dom(), c);
        require(s.domains().containsKey(dom), EVTCHN_RESET_NO_SUCH_DOMAIN);
        require(dom == c.domain() || s.dom(c.domain()).privileged(), EVTCHN_RESET_NOT_PERMITTED);
        require(dom == c.domain() || s.dom(dom).paused(), EVTCHN_RESET_NOT_PAUSED);
        require(!h.cont(), EVTCHN_RESET_BUSY); // d->next_evtchn is 0: no reset to resume
        for (int port = 1; port < s.dom(dom).ports().size(); port++) {
            PortState st = s.dom(dom).port(port).state();
            if (!(st instanceof PortState.Free) && !(st instanceof PortState.Reserved)) s = closePort(s, dom, port);
        }
        return Outcome.of(s, Result.OK);
    }

    private static Domain ownPort(State s, Caller c, int port) {
        Domain d = s.dom(c.domain());
        require(d.hasPort(port), EVTCHN_BAD_PORT);
        return d;
    }
}
