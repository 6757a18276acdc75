package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/**
 * INV-2 type-exclusive. Protects the core exclusion of Xen's type system: a frame is a page
 * table of one level, or writably mapped, never two at once — every type reference it holds
 * demands the same type.
 */
public final class TypeExclusive extends NamedInvariant {
    public TypeExclusive() {
        super("INV-2", "type-exclusive",
                "a frame has exactly one type at a time; the type changes only when the type count is 0");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        RefCensus census = facts.census();
        List<Violation> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if ((f.typeCount() > 0) != (f.type() != PageType.NONE)) {
                out.add(Violation.frame(clause("type-with-count"), mfn, "type " + f.type() + " with type count " + f.typeCount()));
            }
            if (f.typeCount() > f.count()) out.add(Violation.frame(clause("type-within-general"), mfn, "more type references than general references"));
            if (f.pinned() && !f.isTable()) out.add(Violation.frame(clause("pinned-is-table"), mfn, "pinned but not a page table"));
            if (census.demandsOtherThan(mfn, f.type())) {
                out.add(Violation.frame(clause("one-type"), mfn, "typed " + f.type() + " while some reference demands another type"));
            }
        }
        return out;
    }
}
