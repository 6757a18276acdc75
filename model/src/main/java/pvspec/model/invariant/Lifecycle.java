package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Maptrack;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.Relinquish;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/**
 * INV-13 lifecycle. Protects against zombies and dangling references after destruction: a dying
 * domain holds nothing of its own any more (ports, mappings, pins, base pointers, allocations;
 * only frames others still reference), and once it is gone nothing names it: it owns no frame,
 * no port is linked to it, no mapping refers to its grants. Its partially validated tables and
 * deferred puts are torn down with it ({@code relinquish_memory}, {@code vcpu_destroy_pagetables}:
 * XSA-299's teardown). While a preempted {@code destroydomain} waits for its continuation, the
 * domain holds exactly what Xen's teardown has not reached yet ({@link Relinquish}): base pointers
 * and deferred puts until the vCPUs' stage is done, pins and allocations of the frames the first
 * pass has not reached, partial tables of the levels no pass has torn down yet.
 */
public final class Lifecycle extends NamedInvariant {
    public Lifecycle() {
        super("INV-13", "lifecycle",
                "a destroyed domain owns no frames, no ports, no mappings, and nothing maps its frames");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            if (d.life() != pvspec.model.state.Lifecycle.DYING) continue;
            for (int p = 0; p < d.ports().size(); p++) if (!d.port(p).isFree()) out.add(Violation.port(clause("dying-ports-closed"), d.id(), p, "dying d" + d.id() + " still has an open port"));
            if (!d.maptrack().isEmpty()) out.add(Violation.of(clause("dying-no-mappings"), "dying d" + d.id() + " still holds grant mappings"));
            Relinquish stage = d.relinquish();
            boolean vcpusLeft = stage == Relinquish.VCPU_PAGETABLES;
            for (Vcpu v : d.vcpus()) if (v.hasOldGuestTable() && !vcpusLeft) out.add(Violation.frame(clause("dying-partial-torn-down"), v.oldGuestTable(), "dying d" + d.id() + " still has a deferred put (old_guest_table)"));
            for (int mfn = 0; mfn < s.frames().size(); mfn++) {
                Frame f = s.frame(mfn);
                if (f.owner() == d.id() && f.partial() && !partialLeft(stage, d.relinquishNext(), mfn, f.type().level())) out.add(Violation.frame(clause("dying-partial-torn-down"), mfn, "dying d" + d.id() + " still has partially validated table " + mfn));
            }
            for (Vcpu v : d.vcpus()) {
                if (!v.tlb().isEmpty() || !v.roots().isEmpty() && !vcpusLeft) out.add(Violation.of(clause("dying-no-address-space"), "dying d" + d.id() + " still has a base pointer or TLB entries"));
            }
            for (int mfn = 0; mfn < s.frames().size(); mfn++) {
                Frame f = s.frame(mfn);
                boolean held = vcpusLeft || stage == Relinquish.L4 && mfn >= d.relinquishNext();
                if (f.owner() == d.id() && (f.pinned() || f.allocated()) && !held) out.add(Violation.frame(clause("dying-frames-released"), mfn, "dying d" + d.id() + " still pins or holds frame " + mfn));
            }
        }
        for (int id = 0; id < s.config().domains(); id++) {
            if (s.domains().containsKey(id)) continue;
            for (int mfn = 0; mfn < s.frames().size(); mfn++) if (s.frame(mfn).owner() == id) out.add(Violation.frame(clause("destroyed-owns-nothing"), mfn, "destroyed d" + id + " still owns frame " + mfn));
            for (Domain d : s.domains().values()) {
                for (Maptrack m : d.maptrack().values()) if (m.dom() == id) out.add(Violation.frame(clause("destroyed-not-mapped"), m.frame(), "d" + d.id() + " maps a grant of destroyed d" + id));
                for (int p = 0; p < d.ports().size(); p++) {
                    Port port = d.port(p);
                    if (port.state() instanceof PortState.Interdomain && ((PortState.Interdomain) port.state()).remoteDom() == id) {
                        out.add(Violation.port(clause("destroyed-not-linked"), d.id(), p, "is linked to destroyed d" + id));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether a teardown at {@code stage} may still leave a partial level-{@code level} table at
     * {@code mfn}: a {@code relinquish_memory} pass tears down its level's partial tables as it
     * reaches them, so only those of lower levels, and of its level from its position on, remain.
     */
    private static boolean partialLeft(Relinquish stage, int next, int mfn, int level) {
        if (stage == Relinquish.VCPU_PAGETABLES) return true;
        int pass = stage.passLevel();
        return level < pass || level == pass && mfn >= next;
    }
}
