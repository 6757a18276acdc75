package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import pvspec.model.rules.SegmentDescriptors;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * INV-2 type-exclusive. Protects the core exclusion of Xen's type system: a frame is a page
 * table of one level, a descriptor page, or writably mapped, never two at once — every type reference it holds
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
            // PGT_partial: one type reference, held by the partial state, of a page-table type, with
            // nr_validated_ptes inside the table (mm.c:2653, 2769, 2813-2817); 0 only when the entry
            // there holds a partial child (PTF_partial_set at entry 0, mm.c:1583-1586), and then
            // it names an entry of the table.
            if (f.partial() && (f.typeCount() != 1 || !f.type().isPageTable() || f.nrValidated() < (f.partialSet() ? 0 : 1)
                    || f.nrValidated() > f.contents().size() - (f.partialSet() ? 1 : 0))) {
                out.add(Violation.frame(clause("partial-one-type-ref"), mfn, "partial with type " + f.type() + ", type count " + f.typeCount() + ", nr_validated_ptes " + f.nrValidated()
                        + (f.partialSet() ? ", PTF_partial_set" : "")));
            }
            if (f.pinned() && !f.isTable()) out.add(Violation.frame(clause("pinned-is-table"), mfn, "pinned but not a page table"));
            if (census.demandsOtherThan(mfn, f.type())) {
                out.add(Violation.frame(clause("one-type"), mfn, "typed " + f.type() + " while some reference demands another type"));
            }
            if (f.type() == PageType.SEG_DESC) segDesc(s, census, mfn, f, out);
        }
        return out;
    }

    /**
     * A descriptor page (GDT or LDT) is never writable while typed: no writable L1 entry maps it
     * and no vCPU of its owner holds a writable translation of it (Xen flushes them when the type
     * changes, mm.c:3037-3058); and it holds only descriptors {@code check_descriptor} allows, as
     * Xen stores them (validation and {@code update_descriptor} write nothing else).
     */
    private void segDesc(State s, RefCensus census, int mfn, Frame f, List<Violation> out) {
        boolean tlb = false;
        var owner = s.domains().get(f.owner());
        if (owner != null) for (Vcpu v : owner.vcpus()) for (TlbEntry e : v.tlb().values()) tlb |= e.mfn() == mfn && e.writable();
        if (census.demands(mfn, PageType.WRITABLE) || tlb) {
            out.add(Violation.frame(clause("seg-desc-never-writable"), mfn, "a descriptor page is writable" + (tlb ? " through its owner's TLB" : "")));
        }
        for (int i = 0; i < f.contents().size(); i++) {
            long d = f.contents().get(i);
            OptionalLong checked = SegmentDescriptors.check(d);
            if (checked.isEmpty() || checked.getAsLong() != d) {
                out.add(Violation.frame(clause("seg-desc-checked"), mfn, "descriptor " + i + " (0x" + Long.toHexString(d) + ") is not one Xen stores"));
            }
        }
    }
}
