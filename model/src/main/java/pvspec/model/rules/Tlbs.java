package pvspec.model.rules;

import java.util.Map;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;
import pvspec.model.state.Domain;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * TLB maintenance. Guests flush their own TLBs after changing their mappings; the hypervisor
 * flushes on its own only where safety needs it: when a frame gains a page-table type (no
 * writable translation of a page table may survive: XSA-401), when a frame is freed (no
 * translation of a frame given to someone else may survive), and when a grant is unmapped.
 */
final class Tlbs {
    private Tlbs() {}

    /** Drop every translation, on every vCPU, that reaches {@code mfn}. */
    static State forgetFrame(State s, long mfn) {
        for (Domain d : s.domains().values()) s = forgetFrameIn(s, d.id(), mfn);
        return s;
    }

    /** Drop the translations of domain {@code dom}'s vCPUs that reach {@code mfn}. */
    static State forgetFrameIn(State s, int dom, long mfn) {
        Domain d = s.dom(dom);
        Domain changed = d;
        for (int v = 0; v < d.vcpus().size(); v++) {
            PSortedMap<Long, TlbEntry> tlb = d.vcpu(v).tlb();
            PSortedMap<Long, TlbEntry> kept = tlb;
            for (Map.Entry<Long, TlbEntry> e : tlb.entrySet()) if (e.getValue().mfn() == mfn) kept = kept.minus(e.getKey());
            if (kept != tlb) changed = changed.withVcpu(v, changed.vcpu(v).withTlb(kept));
        }
        return changed == d ? s : s.withDomain(changed);
    }

    static State flushLocal(State s, int dom, int vcpu) {
        Domain d = s.dom(dom);
        return s.withDomain(d.withVcpu(vcpu, d.vcpu(vcpu).withTlb(TreePMap.empty())));
    }

    static State flushAll(State s, int dom) {
        for (int v = 0; v < s.dom(dom).vcpus().size(); v++) s = flushLocal(s, dom, v);
        return s;
    }

    static State invlpgLocal(State s, int dom, int vcpu, long va) {
        Domain d = s.dom(dom);
        Vcpu v = d.vcpu(vcpu);
        return s.withDomain(d.withVcpu(vcpu, v.withTlb(v.tlb().minus(va))));
    }

    static State invlpgAll(State s, int dom, long va) {
        for (int v = 0; v < s.dom(dom).vcpus().size(); v++) s = invlpgLocal(s, dom, v, va);
        return s;
    }
}
