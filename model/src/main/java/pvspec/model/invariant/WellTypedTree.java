package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/**
 * INV-4 well-typed-tree. Protects the shape the MMU walks: every validated table's entries lead
 * one level down into the same owner's validated tables (so a walk can only reach what the type
 * system accounted for), linear entries are read-only, same-owner and one level deep (XSA-240,
 * XSA-309), and no entry is a superpage (XSA-148).
 */
public final class WellTypedTree extends NamedInvariant {
    public WellTypedTree() {
        super("INV-4", "well-typed-tree",
                "a validated Ln table's present entries point to same-owner frames validated as L(n-1), or (linear) "
                        + "read-only to a same-owner validated Ln, one level only; no PSE");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame t = s.frame(mfn);
            if (!t.isTable()) continue;
            int level = t.type().level();
            for (int i = 0; i < t.contents().size(); i++) {
                long e = t.entry(i);
                if (!Pte.present(e) || (level == s.config().levels() && s.config().reserved(i))) continue;
                String where = "entry " + i + " of L" + level + " table " + mfn;
                var owner = s.domains().get(t.owner());
                long allowed = level == 1 ? Pte.l1Allowed(owner != null && owner.privileged()) | PteFlag.GNTTAB.mask() : Pte.UPPER_ALLOWED;
                if (Pte.disallowed(e, allowed) != 0) out.add(Violation.frame(clause("allowed-bits"), mfn, where + " sets disallowed bits (PSE or reserved)"));
                long target = Pte.mfn(e);
                if (!s.validMfn(target)) {
                    out.add(Violation.frame(clause("inside-machine"), mfn, where + " points outside the machine"));
                } else if (level > 1) {
                    upper(s, mfn, t, level, e, where, out);
                }
            }
        }
        return out;
    }

    private void upper(State s, long mfn, Frame t, int level, long e, String where, List<Violation> out) {
        long target = Pte.mfn(e);
        Frame u = s.frame(target);
        if (u.owner() != t.owner()) {
            out.add(Violation.frames(clause("linear-same-owner"), where + " points to a frame of another owner", mfn, target));
        } else if (target == mfn || u.isTable(level)) {
            if (Pte.writable(e)) out.add(Violation.frames(clause("linear-read-only"), where + " is a writable linear entry", mfn, target));
            if (target != mfn && (t.linearCount() < 0 || holdsLinear(s, target, level))) {
                out.add(Violation.frames(clause("linear-one-level"), where + " chains linear tables beyond one level", mfn, target));
            }
        } else if (!u.isTable(level - 1)) {
            out.add(Violation.frames(clause("target-validated"), where + " points to a frame that is not a validated L" + (level - 1), mfn, target));
        }
    }

    /** Whether table {@code mfn} holds a linear entry to another table of its level. */
    private static boolean holdsLinear(State s, long mfn, int level) {
        Frame t = s.frame(mfn);
        for (int i = 0; i < t.contents().size(); i++) {
            long e = t.entry(i);
            if (!Pte.present(e) || (level == s.config().levels() && s.config().reserved(i))) continue;
            long target = Pte.mfn(e);
            if (target != mfn && s.validMfn(target) && s.frame(target).type() == PageType.table(level)) return true;
        }
        return false;
    }
}
