package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/**
 * INV-7 reclaim-and-scrub. Protects confidentiality across reuse as far as Xen does: a frame is
 * free only when nothing references it (INV-1 and INV-6 count the references), and a frame that
 * leaves a dying or destroyed domain is scrubbed before any other domain can reach it
 * ({@code free_domheap_pages}: {@code scrub = d->is_dying}). Xen does not scrub what a live domain
 * gives back, so neither does this invariant demand it.
 */
public final class ReclaimAndScrub extends NamedInvariant {
    public ReclaimAndScrub() {
        super("INV-7", "reclaim-and-scrub",
                "a frame returns to the free pool only at count 0; a frame of a dying or destroyed domain is scrubbed before any "
                        + "other domain can reach it (Xen does not scrub what a live domain gives back: free_domheap_pages)");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (f.isFree() && f.count() != 0) out.add(Violation.frame(clause("free-at-count-zero"), mfn, "free with count " + f.count()));
        }
        return out;
    }

    /** A frame that left a domain that is dying (or gone) after the step holds nothing. */
    @Override
    public List<Violation> stepConstraint(State before, Caller caller, Hypercall request, Result result, State after) {
        List<Violation> out = new ArrayList<>();
        int n = Math.min(before.frames().size(), after.frames().size());
        for (int mfn = 0; mfn < n; mfn++) {
            int was = before.frame(mfn).owner();
            Frame f = after.frame(mfn);
            if (was == f.owner() || !DomId.isOrdinary(was)) continue;
            Domain d = after.domains().get(was);
            if (d != null && d.alive()) continue;
            if (!f.contents().isZero() || f.dataTag() != DomId.DOMID_INVALID) {
                out.add(Violation.frame(clause("dying-scrubbed"), mfn, "left dying d" + was + " without being scrubbed"));
            }
        }
        return out;
    }
}
