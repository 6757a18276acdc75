package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pvspec.model.abi.DomId;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Maptrack;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * INV-8 memory-isolation. The isolation guarantee itself: a domain's vCPUs reach (through their
 * page tables or their TLBs) only frames the domain owns, frames another domain granted to it
 * (writably only if granted writable), or — for the control domain alone — other guests' frames
 * it mapped with {@code foreigndom}.
 */
public final class MemoryIsolation extends NamedInvariant {
    public MemoryIsolation() {
        super("INV-8", "memory-isolation",
                "every frame a domain's vCPU can reach (walks and TLB) is owned by that domain, or is mapped through a live "
                        + "grant with the granted permission");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            for (Vcpu v : d.vcpus()) {
                if (v.hasBaseptr()) {
                    Reach r = facts.reachFromTop(v.baseptr());
                    for (long t : r.tables()) if (!owned(s, d, t)) out.add(Violation.frames(clause("walks-own-tables"), "d" + d.id() + " walks through table " + t + ", which it does not own", t));
                    for (Map.Entry<Long, Boolean> l : r.leaves().entrySet()) check(s, d, l.getKey(), l.getValue(), "maps", out);
                }
                for (TlbEntry e : v.tlb().values()) check(s, d, e.mfn(), e.writable(), "caches a translation to", out);
            }
        }
        return out;
    }

    private void check(State s, Domain d, long mfn, boolean writable, String how, List<Violation> out) {
        if (owned(s, d, mfn) || granted(d, mfn, writable) || foreign(s, d, mfn)) return;
        out.add(Violation.frame(clause("reaches-own-or-granted"), mfn, "d" + d.id() + " " + how + " frame " + mfn + (writable ? " writable" : "")
                + ", which it neither owns nor holds a grant for"));
    }

    private static boolean owned(State s, Domain d, long mfn) {
        return s.validMfn(mfn) && s.frame(mfn).owner() == d.id();
    }

    private static boolean granted(Domain d, long mfn, boolean writable) {
        for (Maptrack m : d.maptrack().values()) if (m.frame() == mfn && (!writable || !m.readonly())) return true;
        return false;
    }

    /** The control domain's privileged mappings of other guests' frames (never the hypervisor's, never free ones). */
    private static boolean foreign(State s, Domain d, long mfn) {
        if (!d.privileged() || !s.validMfn(mfn)) return false;
        Frame f = s.frame(mfn);
        return !f.isFree() && f.owner() != DomId.DOMID_XEN;
    }
}
