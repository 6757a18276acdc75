package pvspec.model.rules;

import pvspec.model.state.Domain;
import pvspec.model.state.Port;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/** Event delivery (the 2-level ABI's pending and mask bits) and upcalls. */
final class Events {
    private Events() {}

    /** The lowest free port of a domain, or -1 (port 0 is reserved). */
    static int lowestFreePort(Domain d) {
        for (int p = 1; p < d.ports().size(); p++) if (d.port(p).isFree()) return p;
        return -1;
    }

    /** Mark a port pending ({@code evtchn_port_set_pending}); an already pending port stays as it is. */
    static State setPending(State s, int dom, int port) {
        Domain d = s.dom(dom);
        Port p = d.port(port);
        if (p.pending()) return s;
        return s.withDomain(refresh(d.withPort(port, p.withPending(true))));
    }

    /**
     * Recompute each vCPU's upcall flag: an upcall is pending exactly when some unmasked pending
     * port notifies that vCPU, and a pending upcall wakes a blocked vCPU. (Xen sets the flag on
     * the 0-to-1 edge and the guest clears it; the model folds the guest's acknowledgement into
     * {@code clear_evtchn}, so the flag is the condition itself.)
     */
    static Domain refresh(Domain d) {
        Domain r = d;
        for (int v = 0; v < d.vcpus().size(); v++) {
            boolean upcall = false;
            for (Port p : d.ports()) upcall |= p.pending() && !p.masked() && p.notifyVcpu() == v;
            Vcpu vc = d.vcpu(v);
            boolean blocked = vc.blocked() && !upcall;
            if (vc.upcallPending() != upcall || vc.blocked() != blocked) r = r.withVcpu(v, vc.withUpcallPending(upcall).withBlocked(blocked));
        }
        return r;
    }
}
