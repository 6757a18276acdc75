package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * INV-5 hypervisor-slots. Protects the hypervisor's own memory: every validated top-level table
 * carries exactly the hypervisor's entries in the reserved slots (supervisor-only, except the
 * read-only M2P slot, empty or Xen's read-only user entry: {@code init_xen_l4_slots},
 * {@code fill_ro_mpt}), and a guest walk or TLB entry reaches a frame the hypervisor owns only
 * read-only, through the read-only M2P, never writable (XSA-248).
 */
public final class HypervisorSlots extends NamedInvariant {
    public HypervisorSlots() {
        super("INV-5", "hypervisor-slots",
                "reserved top-level slots hold only the hypervisor's entries; a guest walk reaches a XEN frame only read-only, "
                        + "through the read-only M2P slot, and never writable");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        int top = s.config().levels();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame t = s.frame(mfn);
            if (!t.isTable(top)) continue;
            for (int slot = s.config().reservedFirst(); slot < s.config().reservedFirst() + s.config().reservedCount(); slot++) {
                long want = slot == s.config().m2pSlot() ? s.config().m2pEntry() : Pte.make(s.config().xenFrameForSlot(slot), PteFlag.P, PteFlag.RW);
                boolean empty = slot == s.config().m2pSlot() && t.entry(slot) == Pte.NONE;
                if (t.entry(slot) != want && !empty) out.add(Violation.frame(clause("reserved-slots"), mfn, "reserved slot " + slot + " of top-level table " + mfn + " is not the hypervisor's entry"));
            }
        }
        for (Domain d : s.domains().values()) {
            for (Vcpu v : d.vcpus()) {
                for (long root : v.roots()) {
                    Reach r = facts.reachFromTop(root);
                    for (long f : r.frames()) {
                        boolean writable = Boolean.TRUE.equals(r.leaves().get(f));
                        if (xen(s, f) && (f != s.config().m2pFrame() || writable)) {
                            out.add(Violation.frames(clause("no-walk-to-xen"), "d" + d.id() + " reaches hypervisor frame " + f + (writable ? " writable" : ""), f, root));
                        }
                    }
                }
                for (Map.Entry<Long, TlbEntry> e : v.tlb().entrySet()) {
                    long f = e.getValue().mfn();
                    if (xen(s, f) && (f != s.config().m2pFrame() || e.getValue().writable())) {
                        out.add(Violation.frame(clause("no-tlb-to-xen"), f, "d" + d.id() + " caches a translation to a hypervisor frame"));
                    }
                }
            }
        }
        return out;
    }

    private static boolean xen(State s, long mfn) {
        return s.validMfn(mfn) && s.frame(mfn).owner() == DomId.DOMID_XEN;
    }
}
