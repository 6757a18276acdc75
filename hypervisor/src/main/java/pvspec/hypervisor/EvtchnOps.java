package pvspec.hypervisor;

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
import static pvspec.hypervisor.Evtchn.ECS_FREE;
import static pvspec.hypervisor.Evtchn.ECS_INTERDOMAIN;
import static pvspec.hypervisor.Evtchn.ECS_IPI;
import static pvspec.hypervisor.Evtchn.ECS_RESERVED;
import static pvspec.hypervisor.Evtchn.ECS_UNBOUND;
import static pvspec.hypervisor.Evtchn.ECS_VIRQ;

import pvspec.model.abi.DomId;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.Virq;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.Result;

/**
 * Event channels ({@code event_channel_op}) and the guest's own {@code clear_evtchn} and
 * {@code mask_evtchn}. Each operation checks everything and takes every lock it needs before
 * its first store.
 */
final class EvtchnOps {
    private EvtchnOps() {}


    static Result apply(Txn t, EventChannelOp h) {
        return h.accept(new EventChannelOp.Visitor<>() {
            @Override public Result send(EventChannelOp.Send x) { return EvtchnOps.send(t, x.port()); }
            @Override public Result allocUnbound(EventChannelOp.AllocUnbound x) { return EvtchnOps.allocUnbound(t, x); }
            @Override public Result bindInterdomain(EventChannelOp.BindInterdomain x) { return EvtchnOps.bindInterdomain(t, x); }
            @Override public Result bindVirq(EventChannelOp.BindVirq x) { return EvtchnOps.bindVirq(t, x); }
            @Override public Result bindIpi(EventChannelOp.BindIpi x) { return EvtchnOps.bindIpi(t, x.vcpu()); }
            @Override public Result close(EventChannelOp.Close x) { return EvtchnOps.close(t, x.port()); }
            @Override public Result unmask(EventChannelOp.Unmask x) { return setMask(t, x.port(), false); }
            @Override public Result status(EventChannelOp.Status x) { return EvtchnOps.status(t, x); }
            @Override public Result bindVcpu(EventChannelOp.BindVcpu x) { return EvtchnOps.bindVcpu(t, x.port(), x.vcpu()); }
            @Override public Result reset(EventChannelOp.Reset x) { return EvtchnOps.reset(t, x); }
            @Override public Result unknown(EventChannelOp.Unknown x) { throw Refused.of(EVTCHN_UNKNOWN_COMMAND); }
        });
    }

    static Result write(Txn t, EventChannelWrite h) {
        return h.accept(new EventChannelWrite.Visitor<>() {
            @Override public Result maskEvtchn(EventChannelWrite.MaskEvtchn x) { return setMask(t, x.port(), true); }

            @Override
            public Result clearEvtchn(EventChannelWrite.ClearEvtchn x) {
                Dom d = ownPort(t, x.port());
                t.setPort(d, x.port(), Evtchn.withPending(d.ports[x.port()], false));
                refresh(t, d);
                return Result.OK;
            }
        });
    }

    /** A {@code domid_t}: the low 16 bits, {@code DOMID_SELF} resolved. */
    private static int resolve(Txn t, int arg) {
        int id = arg & 0xFFFF;
        return id == DomId.DOMID_SELF ? t.me : id;
    }

    /** {@code get_free_port}. */
    private static int freePort(Dom d) {
        if (!d.alive()) throw Refused.of(EVTCHN_DYING);
        int port = lowestFreePort(d);
        if (port <= 0) throw Refused.of(EVTCHN_NO_FREE_PORT);
        return port;
    }

    private static Result allocUnbound(Txn t, EventChannelOp.AllocUnbound h) {
        int dom = resolve(t, h.dom());
        int remote = resolve(t, h.remoteDom());
        Dom d = t.dom(dom);
        if (d == null) throw Refused.of(EVTCHN_NO_SUCH_DOMAIN);
        int port = freePort(d);
        if (!t.checks.targetPermitted(t.me, dom, t.dom.privileged)) throw Refused.of(EVTCHN_NOT_PERMITTED);
        t.setPort(d, port, Evtchn.withState(d.ports[port], ECS_UNBOUND, remote, 0));
        return Result.value(port);
    }

    /** Link a new local port with a port the remote left unbound for the caller; the local end starts pending. */
    private static Result bindInterdomain(Txn t, EventChannelOp.BindInterdomain h) {
        int remote = resolve(t, h.remoteDom());
        Dom r = t.dom(remote);
        if (r == null) throw Refused.of(EVTCHN_NO_SUCH_DOMAIN);
        Dom me = t.dom;
        int local = freePort(me);
        int rp = h.remotePort();
        if (!r.hasPort(rp)) throw Refused.of(EVTCHN_BAD_PORT);
        long rw = r.ports[rp];
        if (!t.checks.interdomainOffered(Evtchn.state(rw) == ECS_UNBOUND, Evtchn.a(rw), t.me)) throw Refused.of(EVTCHN_NOT_OFFERED);
        t.setPort(r, rp, Evtchn.withState(rw, ECS_INTERDOMAIN, t.me, local));
        t.setPort(me, local, Evtchn.make(ECS_INTERDOMAIN, remote, rp, false, Evtchn.masked(me.ports[local]), 0));
        setPending(t, me, local);
        return Result.value(local);
    }

    private static Result bindVirq(Txn t, EventChannelOp.BindVirq h) {
        int virq = h.virq();
        if (virq < 0 || virq >= Virq.NR_VIRQS) throw Refused.of(EVTCHN_BAD_VIRQ);
        Dom d = t.dom;
        boolean perVcpu = Virq.perVcpu(virq);
        if (!perVcpu && h.vcpu() != 0) throw Refused.of(EVTCHN_VIRQ_NOT_VCPU0);
        if (!d.hasVcpu(h.vcpu())) throw Refused.of(EVTCHN_NO_SUCH_VCPU);
        if (!perVcpu && virq != Virq.VIRQ_ARGO && !d.privileged) throw Refused.of(EVTCHN_GLOBAL_VIRQ);
        for (long w : d.ports) {
            // virq_to_evtchn is per vCPU: a non-per-vCPU VIRQ stays vCPU 0's after bind_vcpu moved its notification
            if (Evtchn.state(w) == ECS_VIRQ && Evtchn.a(w) == virq && (!perVcpu || Evtchn.notify(w) == h.vcpu())) throw Refused.of(EVTCHN_VIRQ_BOUND);
        }
        return bindLocal(t, d, ECS_VIRQ, virq, h.vcpu());
    }

    private static Result bindIpi(Txn t, int vcpu) {
        if (!t.dom.hasVcpu(vcpu)) throw Refused.of(EVTCHN_NO_SUCH_VCPU);
        return bindLocal(t, t.dom, ECS_IPI, 0, vcpu);
    }

    private static Result bindLocal(Txn t, Dom d, int state, int a, int vcpu) {
        int port = freePort(d);
        t.setPort(d, port, Evtchn.make(state, a, 0, false, Evtchn.masked(d.ports[port]), vcpu));
        return Result.value(port);
    }

    private static Result close(Txn t, int port) {
        Dom d = ownPort(t, port);
        int st = Evtchn.state(d.ports[port]);
        if (st == ECS_FREE || st == ECS_RESERVED) throw Refused.of(EVTCHN_NOT_OPEN);
        closePort(t, d, port);
        return Result.OK;
    }

    /** {@code evtchn_close}: free the port; an interdomain peer waits for this domain again. */
    static void closePort(Txn t, Dom d, int port) {
        closePort(t, d, port, true);
    }

    private static void closePort(Txn t, Dom d, int port, boolean unlinkPeer) {
        long w = d.ports[port];
        if (Evtchn.state(w) == ECS_INTERDOMAIN && unlinkPeer) {
            Dom r = t.dom(Evtchn.a(w));
            int rp = Evtchn.b(w);
            if (r != null && r.hasPort(rp)) {
                t.setPort(r, rp, Evtchn.withState(r.ports[rp], ECS_UNBOUND, d.id, 0));
                refresh(t, r);
            }
        }
        t.setPort(d, port, Evtchn.closed(d.ports[port]));
        refresh(t, d);
    }

    /** Interdomain ports notify the other end, IPIs their own vCPU; unbound ports drop the event. */
    private static Result send(Txn t, int port) {
        Dom d = ownPort(t, port);
        long w = d.ports[port];
        int st = Evtchn.state(w);
        if (st == ECS_INTERDOMAIN) {
            Dom r = t.dom(Evtchn.a(w));
            if (r != null && r.hasPort(Evtchn.b(w))) setPending(t, r, Evtchn.b(w));
            return Result.OK;
        }
        if (st == ECS_IPI) {
            setPending(t, d, port);
            return Result.OK;
        }
        if (st != ECS_UNBOUND) throw Refused.of(EVTCHN_CANNOT_SEND);
        return Result.OK;
    }

    private static Result setMask(Txn t, int port, boolean masked) {
        Dom d = ownPort(t, port);
        t.setPort(d, port, Evtchn.withMasked(d.ports[port], masked));
        refresh(t, d);
        return Result.OK;
    }

    /** {@code evtchn_status}: the code, its fields and the notified vCPU. */
    private static Result status(Txn t, EventChannelOp.Status h) {
        int dom = resolve(t, h.dom());
        Dom d = t.dom(dom);
        if (d == null) throw Refused.of(EVTCHN_NO_SUCH_DOMAIN);
        if (!d.hasPort(h.port())) throw Refused.of(EVTCHN_BAD_PORT);
        if (!t.checks.targetPermitted(t.me, dom, t.dom.privileged)) throw Refused.of(EVTCHN_NOT_PERMITTED);
        long w = d.ports[h.port()];
        int vcpu = Evtchn.notify(w);
        switch (Evtchn.state(w)) {
            case ECS_UNBOUND: return Result.EvtchnStatus.unbound(Evtchn.a(w), vcpu);
            case ECS_INTERDOMAIN: return Result.EvtchnStatus.interdomain(Evtchn.a(w), Evtchn.b(w), vcpu);
            case ECS_VIRQ: return Result.EvtchnStatus.virq(Evtchn.a(w), vcpu);
            case ECS_IPI: return Result.EvtchnStatus.ipi(vcpu);
            default: return Result.EvtchnStatus.closed(vcpu);
        }
    }

    /** {@code evtchn_bind_vcpu}: vCPU, port, then the state: VIRQs other than per-vCPU ones, unbound and interdomain ports move. */
    private static Result bindVcpu(Txn t, int port, int vcpu) {
        Dom d = t.dom;
        if (!d.hasVcpu(vcpu)) throw Refused.of(EVTCHN_BIND_VCPU_NO_SUCH_VCPU);
        if (!d.hasPort(port)) throw Refused.of(EVTCHN_BAD_PORT);
        long w = d.ports[port];
        switch (Evtchn.state(w)) {
            case ECS_VIRQ:
                if (Virq.perVcpu(Evtchn.a(w))) throw Refused.of(EVTCHN_BIND_VCPU_PER_VCPU_VIRQ);
                break;
            case ECS_UNBOUND:
            case ECS_INTERDOMAIN:
                break;
            default:
                throw Refused.of(EVTCHN_BIND_VCPU_BAD_STATE);
        }
        t.setPort(d, port, Evtchn.make(Evtchn.state(w), Evtchn.a(w), Evtchn.b(w), Evtchn.pending(w), Evtchn.masked(w), vcpu));
        refresh(t, d);
        return Result.OK;
    }

    /**
     * {@code EVTCHNOP_reset}/{@code reset_cont}: lookup, XSM, a paused target unless it is the
     * caller; no reset is ever in progress between hypercalls, so a continuation is refused; then
     * {@code evtchn_close} on every open port from 1 up.
     */
    private static Result reset(Txn t, EventChannelOp.Reset h) {
        int dom = resolve(t, h.dom());
        Dom d = t.dom(dom);
        if (d == null) throw Refused.of(EVTCHN_RESET_NO_SUCH_DOMAIN);
        if (!t.checks.targetPermitted(t.me, dom, t.dom.privileged)) throw Refused.of(EVTCHN_RESET_NOT_PERMITTED);
        if (dom != t.me && d.vars[Dom.PAUSED] == 0) throw Refused.of(EVTCHN_RESET_NOT_PAUSED);
        if (h.cont()) throw Refused.of(EVTCHN_RESET_BUSY);
        for (int p = 1; p < d.ports.length; p++) {
            int st = Evtchn.state(d.ports[p]);
            if (st != ECS_FREE && st != ECS_RESERVED) closePort(t, d, p, t.checks.resetUnlinksPeer());
        }
        return Result.OK;
    }

    private static Dom ownPort(Txn t, int port) {
        if (!t.dom.hasPort(port)) throw Refused.of(EVTCHN_BAD_PORT);
        return t.dom;
    }

    static int lowestFreePort(Dom d) {
        for (int p = 1; p < d.ports.length; p++) if (Evtchn.state(d.ports[p]) == ECS_FREE) return p;
        return -1;
    }

    /** {@code evtchn_port_set_pending}: an already pending port stays as it is. */
    static void setPending(Txn t, Dom d, int port) {
        long w = d.ports[port];
        if (Evtchn.pending(w)) return;
        t.setPort(d, port, Evtchn.withPending(w, true));
        refresh(t, d);
    }

    /** Each vCPU's upcall flag is the condition itself; a pending upcall wakes a blocked vCPU. */
    static void refresh(Txn t, Dom d) {
        for (int v = 0; v < d.nvcpus; v++) {
            long f = d.vflags[v];
            long n = d.upcallSources[v] > 0 ? (f | Dom.UPCALL) & ~Dom.BLOCKED : f & ~Dom.UPCALL;
            if (n != f) t.setLong(d.vflags, v, n);
        }
    }
}
