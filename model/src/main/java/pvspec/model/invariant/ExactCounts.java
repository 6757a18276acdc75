package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/**
 * INV-6 exact-counts. Protects against the whole family of reference-count bugs (XSA-58,
 * XSA-224, XSA-299, XSA-394): a count that is too high leaks frames, one that is too low frees a
 * frame that is still mapped. Every count equals the number of its causes.
 */
public final class ExactCounts extends NamedInvariant {
    public ExactCounts() {
        super("INV-6", "exact-counts",
                "each frame's general and type counts equal the number of their causes (entries, pins, base pointers, "
                        + "grant maps, allocation); never negative");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        RefCensus c = facts.census();
        List<Violation> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (f.count() != c.count(mfn)) out.add(Violation.frame(clause("general"), mfn, "general count " + f.count() + ", but " + c.count(mfn) + " references"));
            if (f.typeCount() != c.typeCount(mfn)) out.add(Violation.frame(clause("type"), mfn, "type count " + f.typeCount() + ", but " + c.typeCount(mfn) + " type references"));
            if (f.linearCount() != c.linear(mfn)) out.add(Violation.frame(clause("linear"), mfn, "linear count " + f.linearCount() + ", but " + c.linear(mfn) + " from linear entries"));
        }
        return out;
    }
}
