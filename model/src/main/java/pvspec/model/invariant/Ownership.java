package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/**
 * INV-1 ownership. Protects the page database's basic discipline (XSA-287): a frame in use
 * always has an owner, and a free frame is truly free, so nothing can reach a frame that the
 * allocator may hand out.
 */
public final class Ownership extends NamedInvariant {
    public Ownership() {
        super("INV-1", "ownership",
                "general count > 0 implies the frame has an owner; an allocated frame has count > 0; "
                        + "free frames have no owner, count 0, type NONE");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            boolean xen = mfn < s.config().xenFrames();
            if (xen != (f.owner() == DomId.DOMID_XEN)) out.add(Violation.frame(clause("xen-frames"), mfn, "the hypervisor owns exactly the lowest " + s.config().xenFrames() + " frames"));
            if (f.count() < 0) out.add(Violation.frame(clause("count-non-negative"), mfn, "negative general count " + f.count()));
            if (f.allocated() && f.count() <= 0) out.add(Violation.frame(clause("allocated-counted"), mfn, "allocated but its count is " + f.count()));
            if (f.isFree()) {
                if (f.count() != 0 || f.typeCount() != 0 || f.type() != PageType.NONE || f.pinned() || f.allocated() || f.linearCount() != 0) {
                    out.add(Violation.frame(clause("free-is-bare"), mfn, "free, yet it has references, a type, a pin or an allocation"));
                }
            } else {
                if (f.count() == 0) out.add(Violation.frame(clause("owned-counted"), mfn, "owned by " + f.owner() + " with count 0: it should be back in the free pool"));
                if (f.owner() != DomId.DOMID_XEN && !s.domains().containsKey(f.owner())) {
                    out.add(Violation.frame(clause("owner-exists"), mfn, "owned by domain " + f.owner() + ", which does not exist"));
                }
            }
        }
        return out;
    }
}
