package pvspec.model.rules;

import java.util.Optional;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * A guest memory access (not a hypercall): the MMU uses a TLB entry that permits the access,
 * or walks the page tables and caches the result; if neither permits it, the translation is
 * dropped and a page fault is bounced to the guest kernel. A write leaves data in the frame,
 * tagged with the frame's owner, so that a frame handed to another domain unscrubbed would show.
 */
final class AccessRules {
    private AccessRules() {}

    static Outcome apply(State s, Caller c, Access a) {
        Domain d = s.dom(c.domain());
        Vcpu v = d.vcpu(c.vcpu());
        TlbEntry hit = v.tlb().get(a.va());
        Optional<TlbEntry> t = hit != null && (hit.writable() || !a.write())
                ? Optional.of(hit)
                : Walks.translate(s, v, a.va()).filter(e -> e.writable() || !a.write());
        if (t.isEmpty()) {
            s = s.withDomain(d.withVcpu(c.vcpu(), v.withTlb(v.tlb().minus(a.va()))));
            return Outcome.of(TrapRules.deliverFault(s, c, TrapRules.PAGE_FAULT), Result.FAULT);
        }
        s = s.withDomain(d.withVcpu(c.vcpu(), v.withTlb(v.tlb().plus(a.va(), t.get()))));
        if (a.write()) {
            Frame f = s.frame(t.get().mfn());
            s = s.withFrame(t.get().mfn(), f.withDataTag(f.owner()));
        }
        return Outcome.of(s, Result.OK);
    }
}
