package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pvspec.model.abi.Pte;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.State;

/**
 * INV-12 grants. Protects the granter (XSA-218, XSA-224): every mapping whose granter exists is
 * backed by its entry, which grants that mapper that frame with that permission and shows it is
 * in use (so the granter cannot revoke it), and a live domain's grant PTEs of a frame are no
 * more than the host mappings of that frame it holds (an unmap names the address again, and
 * {@code unmap_and_replace} may move a grant PTE: Xen records no address), unless it may map the
 * frame itself (an unmap may then clear its ordinary entry instead). What Xen does not guarantee, the invariant does not say: a
 * mapping's PTE may have been replaced by an ordinary update (its references went with it, and
 * the unmap fails, XSA-234).
 */
public final class Grants extends NamedInvariant {
    public Grants() {
        super("INV-12", "grants",
                "every grant mapping has a live grant entry for that mapper with a compatible permission and the in-use flags set; "
                        + "a grant in use cannot be revoked");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        List<Violation> out = new ArrayList<>();
        Map<Long, Integer> hostParts = new HashMap<>(); // by (mapper, frame): host parts still mapped
        for (Domain d : s.domains().values()) {
            for (Map.Entry<Integer, Maptrack> e : d.maptrack().entrySet()) {
                mapping(s, d, e.getKey(), e.getValue(), out);
                Maptrack m = e.getValue();
                if (m.host()) count(hostParts, (long) d.id() << 32 | m.frame(), 1);
            }
            for (int ref = 0; ref < d.grants().size(); ref++) inUseFlags(s, d, ref, out);
        }
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (!f.isTable(1) || !s.isAlive(f.owner())) continue;
            for (int i = 0; i < f.contents().size(); i++) {
                long pte = f.entry(i);
                if (Pte.isGrant(pte) && count(hostParts, (long) f.owner() << 32 | Pte.mfn(pte), -1) < 0
                        && !mayMapItself(s, f.owner(), Pte.mfn(pte))) {
                    out.add(Violation.frame(clause("grant-entry-recorded"), mfn, "slot " + i + " of L1 " + mfn
                            + " is a grant entry beyond the host mappings its owner holds of frame " + Pte.mfn(pte)));
                }
            }
        }
        return out;
    }

    /**
     * Adds {@code delta} to {@code key}'s count and returns the new count. Not {@code Map.merge}
     * with {@code Integer::sum}: under JPF (which runs the invariants) that method reference's
     * boxed result is a reference to no object, and the harness stops inside JPF.
     */
    private static int count(Map<Long, Integer> counts, long key, int delta) {
        int n = counts.getOrDefault(key, 0) + delta;
        counts.put(key, n);
        return n;
    }

    /**
     * Whether domain {@code dom} may map {@code mfn} with an ordinary entry (its own frame, or any
     * guest's for the control domain): such an entry also matches the unmap's check, which compares
     * only the frame and P and RW (pv/grant_table.c:279-281), so an unmap may clear it and leave
     * the grant PTE behind, holding the references the cleared entry took.
     */
    private static boolean mayMapItself(State s, int dom, long mfn) {
        Domain d = s.domains().get(dom);
        return s.validMfn(mfn) && (s.frame(mfn).owner() == dom || d != null && d.privileged());
    }

    private void mapping(State s, Domain d, int handle, Maptrack m, List<Violation> out) {
        String what = "d" + d.id() + " handle " + handle;
        Domain g = s.domains().get(m.dom());
        if (g == null || m.ref() < 0 || m.ref() >= g.grants().size()) {
            out.add(Violation.frame(clause("entry-exists"), m.frame(), what + " maps grant " + m.ref() + " of d" + m.dom() + ", which does not exist"));
            return;
        }
        GrantEntry e = g.grants().get(m.ref());
        if (!e.permitsAccess() || e.domid() != d.id() || e.frame() != m.frame()) {
            out.add(Violation.frame(clause("entry-grants-mapper"), m.frame(), what + " maps grant " + m.ref() + " of d" + m.dom() + ", which does not grant frame " + m.frame() + " to it"));
        }
        if ((e.flags() & GrantEntry.GTF_reading) == 0) out.add(Violation.frame(clause("reading"), m.frame(), what + ": grant " + m.ref() + " of d" + m.dom() + " is mapped but not marked reading"));
        if (!m.readonly() && (e.readonly() || (e.flags() & GrantEntry.GTF_writing) == 0)) {
            out.add(Violation.frame(clause("writing"), m.frame(), what + " maps grant " + m.ref() + " of d" + m.dom() + " writable, which the entry does not allow or show"));
        }
    }

    private void inUseFlags(State s, Domain g, int ref, List<Violation> out) {
        boolean reading = false;
        boolean writing = false;
        for (Domain d : s.domains().values()) {
            for (Maptrack m : d.maptrack().values()) {
                if (m.dom() == g.id() && m.ref() == ref) {
                    reading = true;
                    writing |= !m.readonly();
                }
            }
        }
        GrantEntry e = g.grants().get(ref);
        int flags = e.permitsAccess() ? e.flags() : 0; // bit 3 of an accept_transfer entry is GTF_transfer_completed
        if (((flags & GrantEntry.GTF_reading) != 0) != reading || ((flags & GrantEntry.GTF_writing) != 0) != writing) {
            out.add(Violation.of(clause("in-use-flags"), "d" + g.id() + " grant " + ref + " in-use flags say reading=" + ((flags & GrantEntry.GTF_reading) != 0)
                    + " writing=" + ((flags & GrantEntry.GTF_writing) != 0) + ", its mappings say " + reading + "/" + writing));
        }
    }
}
