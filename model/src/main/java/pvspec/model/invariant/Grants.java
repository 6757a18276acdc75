package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.State;

/**
 * INV-12 grants. Protects the granter (XSA-218, XSA-224, XSA-234): every mapping is backed by a
 * live entry that grants that mapper that permission, the entry shows it is in use (so the
 * granter cannot revoke it), the mapping's page-table entry is exactly what the grant allows,
 * and grant entries exist only where a mapping records them.
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
        Set<Long> hostSlots = new HashSet<>();
        for (Domain d : s.domains().values()) {
            for (Map.Entry<Integer, Maptrack> e : d.maptrack().entrySet()) {
                mapping(s, d, e.getKey(), e.getValue(), out);
                Maptrack m = e.getValue();
                if (!hostSlots.add(m.hostL1() * 4096 + m.hostIndex())) out.add(Violation.frame(clause("one-mapping-per-slot"), m.hostL1(), "two grant mappings share slot " + m.hostIndex() + " of L1 " + m.hostL1()));
            }
            for (int ref = 0; ref < d.grants().size(); ref++) inUseFlags(s, d, ref, out);
        }
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (!f.isTable(1)) continue;
            for (int i = 0; i < f.contents().size(); i++) {
                if (Pte.isGrant(f.entry(i)) && !hostSlots.contains((long) mfn * 4096 + i)) {
                    out.add(Violation.frame(clause("grant-entry-recorded"), mfn, "slot " + i + " of L1 " + mfn + " is a grant entry no mapping records"));
                }
            }
        }
        return out;
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
        if (!s.validMfn(m.frame()) || s.frame(m.frame()).owner() != m.dom()) out.add(Violation.frame(clause("granter-owns-frame"), m.frame(), what + " maps a frame its granter does not own"));
        long want = Pte.make(m.frame(), PteFlag.P, PteFlag.US, PteFlag.GNTTAB) | (m.readonly() ? 0 : PteFlag.RW.mask());
        boolean hostOk = s.validMfn(m.hostL1()) && s.frame(m.hostL1()).owner() == d.id() && s.frame(m.hostL1()).isTable(1)
                && m.hostIndex() >= 0 && m.hostIndex() < s.config().entries() && s.frame(m.hostL1()).entry(m.hostIndex()) == want;
        if (!hostOk) out.add(Violation.frame(clause("host-entry"), m.hostL1(), what + ": its entry in L1 " + m.hostL1() + " slot " + m.hostIndex() + " is not the grant mapping"));
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
        int flags = g.grants().get(ref).flags();
        if (((flags & GrantEntry.GTF_reading) != 0) != reading || ((flags & GrantEntry.GTF_writing) != 0) != writing) {
            out.add(Violation.of(clause("in-use-flags"), "d" + g.id() + " grant " + ref + " in-use flags say reading=" + ((flags & GrantEntry.GTF_reading) != 0)
                    + " writing=" + ((flags & GrantEntry.GTF_writing) != 0) + ", its mappings say " + reading + "/" + writing));
        }
    }
}
