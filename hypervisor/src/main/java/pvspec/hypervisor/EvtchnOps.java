package pvspec.hypervisor;

import static pvspec.hypervisor.Evtchn.ECS_FREE;
import static pvspec.hypervisor.Evtchn.ECS_INTERDOMAIN;
import static pvspec.hypervisor.Evtchn.ECS_IPI;
import static pvspec.hypervisor.Evtchn.ECS_RESERVED;
import static pvspec.hypervisor.Evtchn.ECS_UNBOUND;
import static pvspec.hypervisor.Evtchn.ECS_VIRQ;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EEXIST;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOENT;
import static pvspec.model.abi.Errno.ENOSPC;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Errno.ESRCH;

import pvspec.model.abi.DomId;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.Result;

/**
 * Event channels ({@code event_channel_op}) and the guest's own {@code clear_evtchn} and
 * {@code mask_evtchn}. Each operation checks everything and takes every lock it needs before
 * its first store.
 */
final class EvtchnOps {
    private EvtchnOps() {}

    static final int NR_VIRQS = 24;
    static final int VIRQ_TIMER = 0;
    static final int VIRQ_DEBUG = 1;
    static final int VIRQ_XENOPROF = 7;
    static final int VIRQ_ARGO = 11;
    static final int VIRQ_XENPMU = 13;

    static final Refused NO_SUCH_DOMAIN = Refused.of(ESRCH, "no such domain");
    static final Refused DYING = Refused.of(EINVAL, "a dying domain gets no new port");
    static final Refused NO_FREE_PORT = Refused.of(ENOSPC, "no free port");
    static final Refused NOT_PERMITTED = Refused.of(EPERM, "only the domain itself or the control domain");
    static final Refused BAD_PORT = Refused.of(EINVAL, "no such port");
    static final Refused NOT_OFFERED = Refused.of(EINVAL, "the remote port is not unbound for the caller");
    static final Refused BAD_VIRQ = Refused.of(EINVAL, "VIRQs are 0 to 23");
    static final Refused GLOBAL_VIRQ = Refused.of(EBUSY, "global VIRQs belong to the control domain");
    static final Refused VIRQ_NOT_VCPU0 = Refused.of(EINVAL, "global VIRQs bind on vCPU 0");
    static final Refused NO_SUCH_VCPU = Refused.of(ENOENT, "no such vCPU");
    static final Refused VIRQ_BOUND = Refused.of(EEXIST, "VIRQ already bound on that vCPU");
    static final Refused NOT_OPEN = Refused.of(EINVAL, "the port is free or reserved");
    static final Refused CANNOT_SEND = Refused.of(EINVAL, "cannot send on this port");
    static final Refused UNKNOWN_COMMAND = Refused.of(ENOSYS, "no such event-channel command");

    static Result apply(Txn t, EventChannelOp h) {
        if (h instanceof EventChannelOp.Send) return send(t, ((EventChannelOp.Send) h).port());
        if (h instanceof EventChannelOp.AllocUnbound) return allocUnbound(t, (EventChannelOp.AllocUnbound) h);
        if (h instanceof EventChannelOp.BindInterdomain) return bindInterdomain(t, (EventChannelOp.BindInterdomain) h);
        if (h instanceof EventChannelOp.BindVirq) return bindVirq(t, (EventChannelOp.BindVirq) h);
        if (h instanceof EventChannelOp.BindIpi) return bindIpi(t, ((EventChannelOp.BindIpi) h).vcpu());
        if (h instanceof EventChannelOp.Close) return close(t, ((EventChannelOp.Close) h).port());
        if (h instanceof EventChannelOp.Unmask) return setMask(t, ((EventChannelOp.Unmask) h).port(), false);
        if (h instanceof EventChannelOp.Status) return status(t, (EventChannelOp.Status) h);
        throw UNKNOWN_COMMAND;
    }

    static Result write(Txn t, EventChannelWrite h) {
        if (h instanceof EventChannelWrite.MaskEvtchn) return setMask(t, h.port(), true);
        Dom d = ownPort(t, h.port());
        t.setPort(d, h.port(), Evtchn.withPending(d.ports[h.port()], false));
        refresh(t, d);
        return Result.OK;
    }

    /** A {@code domid_t}: the low 16 bits, {@code DOMID_SELF} resolved. */
    private static int resolve(Txn t, int arg) {
        int id = arg & 0xFFFF;
        return id == DomId.DOMID_SELF ? t.me : id;
    }

    /** {@code get_free_port}. */
    private static int freePort(Dom d) {
        if (!d.alive()) throw DYING;
        int port = lowestFreePort(d);
        if (port <= 0) throw NO_FREE_PORT;
        return port;
    }

    private static Result allocUnbound(Txn t, EventChannelOp.AllocUnbound h) {
        int dom = resolve(t, h.dom());
        int remote = resolve(t, h.remoteDom());
        Dom d = t.dom(dom);
        if (d == null) throw NO_SUCH_DOMAIN;
        int port = freePort(d);
        if (!t.checks.targetPermitted(t.me, dom, t.dom.privileged)) throw NOT_PERMITTED;
        t.setPort(d, port, Evtchn.withState(d.ports[port], ECS_UNBOUND, remote, 0));
        return Result.value(port);
    }

    /** Link a new local port with a port the remote left unbound for the caller; the local end starts pending. */
    private static Result bindInterdomain(Txn t, EventChannelOp.BindInterdomain h) {
        int remote = resolve(t, h.remoteDom());
        Dom r = t.dom(remote);
        if (r == null) throw NO_SUCH_DOMAIN;
        Dom me = t.dom;
        int local = freePort(me);
        int rp = h.remotePort();
        if (!r.hasPort(rp)) throw BAD_PORT;
        long rw = r.ports[rp];
        if (!t.checks.interdomainOffered(Evtchn.state(rw) == ECS_UNBOUND, Evtchn.a(rw), t.me)) throw NOT_OFFERED;
        t.setPort(r, rp, Evtchn.withState(rw, ECS_INTERDOMAIN, t.me, local));
        t.setPort(me, local, Evtchn.make(ECS_INTERDOMAIN, remote, rp, false, Evtchn.masked(me.ports[local]), 0));
        setPending(t, me, local);
        return Result.value(local);
    }

    private static Result bindVirq(Txn t, EventChannelOp.BindVirq h) {
        int virq = h.virq();
        if (virq < 0 || virq >= NR_VIRQS) throw BAD_VIRQ;
        Dom d = t.dom;
        boolean perVcpu = virq == VIRQ_TIMER || virq == VIRQ_DEBUG || virq == VIRQ_XENOPROF || virq == VIRQ_XENPMU;
        if (!perVcpu && h.vcpu() != 0) throw VIRQ_NOT_VCPU0;
        if (!d.hasVcpu(h.vcpu())) throw NO_SUCH_VCPU;
        if (!perVcpu && virq != VIRQ_ARGO && !d.privileged) throw GLOBAL_VIRQ;
        for (long w : d.ports) {
            if (Evtchn.state(w) == ECS_VIRQ && Evtchn.a(w) == virq && Evtchn.notify(w) == h.vcpu()) throw VIRQ_BOUND;
        }
        return bindLocal(t, d, ECS_VIRQ, virq, h.vcpu());
    }

    private static Result bindIpi(Txn t, int vcpu) {
        if (!t.dom.hasVcpu(vcpu)) throw NO_SUCH_VCPU;
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
        if (st == ECS_FREE || st == ECS_RESERVED) throw NOT_OPEN;
        closePort(t, d, port);
        return Result.OK;
    }

    /** {@code evtchn_close}: free the port; an interdomain peer waits for this domain again. */
    static void closePort(Txn t, Dom d, int port) {
        long w = d.ports[port];
        if (Evtchn.state(w) == ECS_INTERDOMAIN) {
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
        if (st != ECS_UNBOUND) throw CANNOT_SEND;
        return Result.OK;
    }

    private static Result setMask(Txn t, int port, boolean masked) {
        Dom d = ownPort(t, port);
        t.setPort(d, port, Evtchn.withMasked(d.ports[port], masked));
        refresh(t, d);
        return Result.OK;
    }

    private static Result status(Txn t, EventChannelOp.Status h) {
        int dom = resolve(t, h.dom());
        Dom d = t.dom(dom);
        if (d == null) throw NO_SUCH_DOMAIN;
        if (!d.hasPort(h.port())) throw BAD_PORT;
        if (!t.checks.targetPermitted(t.me, dom, t.dom.privileged)) throw NOT_PERMITTED;
        return Result.value(statusCode(Evtchn.state(d.ports[h.port()])));
    }

    /** {@code EVTCHNSTAT_*}. */
    static int statusCode(int state) {
        switch (state) {
            case ECS_UNBOUND: return 1;
            case ECS_INTERDOMAIN: return 2;
            case ECS_VIRQ: return 4;
            case ECS_IPI: return 5;
            default: return 0;
        }
    }

    private static Dom ownPort(Txn t, int port) {
        if (!t.dom.hasPort(port)) throw BAD_PORT;
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
