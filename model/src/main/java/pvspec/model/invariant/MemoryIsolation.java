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
 * (writably only if granted writable), the hypervisor's read-only M2P (read only), or — for the
 * control domain alone — other guests' frames it mapped with {@code foreigndom}.
 */
public final class MemoryIsolation extends NamedInvariant {
    public MemoryIsolation() {
        super("INV-8", "memory-isolation",
                "every frame a domain's vCPU can reach (walks and TLB) is owned by that domain, or is the frame of a grant it "
                        + "has mapped (maptrack), with that grant's permission, or is the hypervisor's read-only M2P (read only); "
                        + "a vCPU in user mode has a user root, and a user root is a validated top-level table of its own domain");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            for (Vcpu v : d.vcpus()) {
                userRoot(s, d, v, out);
                for (long root : v.roots()) {
                    Reach r = facts.reachFromTop(root);
                    for (long t : r.tables()) if (!owned(s, d, t) && t != s.config().m2pFrame()) out.add(Violation.frames(clause("walks-own-tables"), "d" + d.id() + " walks through table " + t + ", which it does not own", t));
                    for (Map.Entry<Long, Boolean> l : r.leaves().entrySet()) check(s, d, l.getKey(), l.getValue(), "maps", out);
                }
                for (TlbEntry e : v.tlb().values()) check(s, d, e.mfn(), e.writable(), "caches a translation to", out);
            }
        }
        return out;
    }

    /**
     * The 64-bit split (XSA-213): user mode walks only its user root, a validated top-level table
     * of its own domain ({@code MMUEXT_NEW_USER_BASEPTR} takes {@code PGT_root_page_table} with
     * {@code currd}); a vCPU is in user mode only with a user root ({@code do_iret} crashes the
     * guest otherwise). Xen adds {@code _PAGE_USER} to every guest entry, so what the user root
     * maps, kernel pages included, is the guest's choice: isolation between guest kernel and user
     * is the guest's own tables, and the guarantee Xen gives is only that these are its own.
     */
    private void userRoot(State s, Domain d, Vcpu v, List<Violation> out) {
        if (v.userMode() && !v.hasUserBaseptr()) {
            out.add(Violation.of(clause("user-mode-has-user-root"), "a vCPU of d" + d.id() + " runs in user mode without a user root"));
        }
        if (!v.hasUserBaseptr()) return;
        long u = v.userBaseptr();
        if (!owned(s, d, u) || !s.frame(u).isTable(s.config().levels())) {
            out.add(Violation.frame(clause("user-root-own-top-table"), u, "the user root " + u + " of a vCPU of d" + d.id() + " is not a validated top-level table of d" + d.id()));
        }
    }

    private void check(State s, Domain d, long mfn, boolean writable, String how, List<Violation> out) {
        if (owned(s, d, mfn) || granted(d, mfn, writable) || foreign(s, d, mfn) || (mfn == s.config().m2pFrame() && !writable)) return;
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
