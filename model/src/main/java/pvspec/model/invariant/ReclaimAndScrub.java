package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/**
 * INV-7 reclaim-and-scrub. Protects confidentiality across reuse: a frame is free only when
 * nothing references it (INV-1 and INV-6 count the references), a free frame holds nothing, and
 * a frame a domain owns holds no data another domain wrote before it got the frame.
 */
public final class ReclaimAndScrub extends NamedInvariant {
    public ReclaimAndScrub() {
        super("INV-7", "reclaim-and-scrub",
                "a frame returns to the free pool only at count 0; a frame given to a domain never holds data written by another domain");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (f.isFree() && (!f.contents().isZero() || f.dataTag() != DomId.DOMID_INVALID)) {
                out.add(Violation.frame(clause("free-scrubbed"), mfn, "free but not scrubbed"));
            }
            if (!f.isFree() && f.dataTag() != DomId.DOMID_INVALID && f.dataTag() != f.owner()) {
                out.add(Violation.frame(clause("no-stale-data"), mfn, "owned by " + f.owner() + " but holds data written while domain " + f.dataTag() + " owned it"));
            }
        }
        return out;
    }
}
