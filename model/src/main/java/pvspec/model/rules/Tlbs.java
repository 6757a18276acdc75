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
 * flushes on its own only where Xen does: when a frame changes type (its owner's vCPUs:
 * {@code _get_page_type}, mm.c:3025-3058), when a frame is freed (no translation of a frame given
 * to someone else may survive), when a grant is unmapped, and after an upper-level
 * {@code mmu_update} (XSA-286). Where Xen's flush may or may not reach a translation (timing), the
 * translation survives (the pessimistic outcome).
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
        return forgetIn(s, dom, mfn, false);
    }

    /**
     * The flush of a type change (mm.c:3025-3058): {@code flush_mask(d->dirty_cpumask)} of the
     * frame's owner {@code d}, less the CPUs that flushed since the frame's last type reference
     * went ({@code tlbflush_filter}). Either way no writable translation of the frame survives on
     * the owner's vCPUs (a writable mapping holds a type reference; the timestamp is taken when the
     * last one goes); whether a read-only one, or any other translation, survives depends on
     * timing, so it is kept. Other domains' vCPUs are not in the mask: theirs are kept too.
     */
    static State forgetWritableIn(State s, int dom, long mfn) {
        return forgetIn(s, dom, mfn, true);
    }

    private static State forgetIn(State s, int dom, long mfn, boolean writableOnly) {
        Domain d = s.dom(dom);
        Domain changed = d;
        for (int v = 0; v < d.vcpus().size(); v++) {
            PSortedMap<Long, TlbEntry> tlb = d.vcpu(v).tlb();
            PSortedMap<Long, TlbEntry> kept = tlb;
            for (Map.Entry<Long, TlbEntry> e : tlb.entrySet()) if (e.getValue().mfn() == mfn && (e.getValue().writable() || !writableOnly)) kept = kept.minus(e.getKey());
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
