package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * INV-3 no-writable-pagetable. Protects the whole paravirtual memory design: a guest that could
 * write one of its own page tables could map any frame of the machine (XSA-148, XSA-182,
 * XSA-241, XSA-401). No walk from a base pointer or a pinned table, and no TLB entry of the
 * frame's owner, gives write access to a frame typed L1..L4. What Xen guarantees for TLBs is the
 * owner's: a type change flushes the owner's dirty CPUs only ({@code _get_page_type},
 * mm.c:3025-3058), so another domain that cached a writable translation while it mapped the
 * frame (a grant, or the control domain's foreign mapping) and dropped that mapping without
 * flushing may keep it (INV-8 still bounds what it reaches).
 */
public final class NoWritablePagetable extends NamedInvariant {
    public NoWritablePagetable() {
        super("INV-3", "no-writable-pagetable",
                "no frame typed L1..L4 is reachable writable by any walk from any root (base pointers, pinned tables) "
                        + "nor through a TLB entry of its owner's vCPUs (Xen flushes the owner's CPUs on a type change)");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            for (Vcpu v : d.vcpus()) {
                for (long root : v.roots()) leaves(s, facts.reachFromTop(root), root, out);
                for (Map.Entry<Long, TlbEntry> t : v.tlb().entrySet()) {
                    long mfn = t.getValue().mfn();
                    if (t.getValue().writable() && s.validMfn(mfn) && s.frame(mfn).type().isPageTable() && s.frame(mfn).owner() == d.id()) {
                        out.add(Violation.frame(clause("no-writable-tlb-entry"), mfn, "d" + d.id() + " has a writable TLB entry for page table " + mfn + " at va " + t.getKey()));
                    }
                }
            }
        }
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (f.pinned() && f.isTable()) leaves(s, Reach.from(s, mfn, f.type().level()), mfn, out);
        }
        return out;
    }

    private void leaves(State s, Reach r, long root, List<Violation> out) {
        for (Map.Entry<Long, Boolean> leaf : r.leaves().entrySet()) {
            long mfn = leaf.getKey();
            if (leaf.getValue() && s.validMfn(mfn) && s.frame(mfn).type().isPageTable()) {
                out.add(Violation.frames(clause("no-writable-walk"), "page table " + mfn + " is writable through the tables under " + root, mfn, root));
            }
        }
    }
}
