package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pvspec.model.abi.Caller;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.State;

/**
 * INV-11 event-channels. Protects the event-channel state machine (XSA-343): links are
 * symmetric, so a send reaches exactly the peer that agreed to the link; a domain signals only
 * through its own ports; an unbound port is offered to one domain; virtual IRQs are bound once
 * per vCPU; and an upcall is pending exactly when an unmasked port has an event for it.
 */
public final class EventChannels extends NamedInvariant {
    public EventChannels() {
        super("INV-11", "event-channels",
                "interdomain channels are symmetric; a domain sends only on its own ports; an unbound port names exactly one "
                        + "remote; a VIRQ is bound at most once per vCPU; an upcall is pending only if some unmasked port is pending");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            Set<Long> virqs = new HashSet<>();
            for (int p = 0; p < d.ports().size(); p++) port(s, d, p, virqs, out);
            for (int v = 0; v < d.vcpus().size(); v++) {
                boolean expected = false;
                for (Port p : d.ports()) expected |= p.pending() && !p.masked() && p.notifyVcpu() == v;
                if (d.vcpu(v).upcallPending() != expected) out.add(Violation.of(clause("upcall-pending"), "d" + d.id() + " vCPU " + v + " upcall pending is " + d.vcpu(v).upcallPending() + ", its ports say " + expected));
                if (d.vcpu(v).blocked() && expected) out.add(Violation.of(clause("no-sleep-with-event"), "d" + d.id() + " vCPU " + v + " sleeps with an event waiting"));
            }
        }
        return out;
    }

    private void port(State s, Domain d, int p, Set<Long> virqs, List<Violation> out) {
        Port port = d.port(p);
        PortState st = port.state();
        boolean shouldBeReserved = p == 0 && d.life() != Lifecycle.DYING;
        if (shouldBeReserved != (st instanceof PortState.Reserved)) out.add(Violation.port(clause("reserved"), d.id(), p, "port " + p + " is " + st));
        if (d.life() == Lifecycle.DYING && !(st instanceof PortState.Free)) return; // INV-13 reports it
        if ((st instanceof PortState.Free || st instanceof PortState.Reserved) && port.pending()) {
            out.add(Violation.port(clause("closed-not-pending"), d.id(), p, "a closed port is pending"));
        }
        if (st instanceof PortState.Interdomain) {
            PortState.Interdomain link = (PortState.Interdomain) st;
            Domain r = s.domains().get(link.remoteDom());
            boolean back = r != null && r.hasPort(link.remotePort())
                    && r.port(link.remotePort()).state() instanceof PortState.Interdomain other && other.remoteDom() == d.id() && other.remotePort() == p;
            if (!back) out.add(Violation.port(clause("linked-both-ways"), d.id(), p, "links to d" + link.remoteDom() + ":" + link.remotePort() + ", which does not link back"));
        }
        if (st instanceof PortState.Unbound) {
            int remote = ((PortState.Unbound) st).remoteDom();
            if (remote < 0 || remote > 0xFFFF) out.add(Violation.port(clause("offered-to-domid"), d.id(), p, "is offered to " + remote + ", not a domain id"));
        }
        if (st instanceof PortState.Virq) {
            int virq = ((PortState.Virq) st).virq();
            if (!virqs.add((long) virq * 65536 + port.notifyVcpu())) out.add(Violation.port(clause("virq-once"), d.id(), p, "VIRQ " + virq + " is bound twice on vCPU " + port.notifyVcpu()));
        }
        if ((st instanceof PortState.Virq || st instanceof PortState.Ipi) && !d.hasVcpu(port.notifyVcpu())) {
            out.add(Violation.port(clause("notifies-existing-vcpu"), d.id(), p, "notifies vCPU " + port.notifyVcpu() + ", which does not exist"));
        }
    }

    @Override
    public List<Violation> stepConstraint(State before, Caller c, Hypercall h, Result r, State after) {
        List<Violation> out = new ArrayList<>();
        if (h instanceof EventChannelOp.Send && r.succeeded()) {
            int p = ((EventChannelOp.Send) h).port();
            PortState st = before.dom(c.domain()).port(p).state();
            for (Domain d : after.domains().values()) {
                Domain old = before.domains().get(d.id());
                if (old == null) continue;
                for (int q = 0; q < d.ports().size(); q++) {
                    if (!d.port(q).pending() || old.port(q).pending()) continue;
                    boolean peer = st instanceof PortState.Interdomain link && link.remoteDom() == d.id() && link.remotePort() == q;
                    boolean self = st instanceof PortState.Ipi && d.id() == c.domain() && q == p;
                    if (!peer && !self) out.add(Violation.port(clause("send-reaches-peer"), d.id(), q, "d" + c.domain() + " sent on port " + p + " and raised an event on a port not linked to it"));
                }
            }
        }
        return out;
    }
}
