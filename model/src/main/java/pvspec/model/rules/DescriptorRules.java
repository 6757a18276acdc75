package pvspec.model.rules;

import static pvspec.model.abi.check.Check.DESC_BAD_DESCRIPTOR;
import static pvspec.model.abi.check.Check.DESC_BAD_TYPE;
import static pvspec.model.abi.check.Check.DESC_MISALIGNED;
import static pvspec.model.abi.check.Check.DESC_NOT_OWNED;
import static pvspec.model.abi.check.Check.GDT_BAD_FRAME;
import static pvspec.model.abi.check.Check.GDT_FRAME_LIST_UNREADABLE;
import static pvspec.model.abi.check.Check.GDT_TOO_MANY_ENTRIES;
import static pvspec.model.abi.check.Check.LDT_BAD_ARGS;
import static pvspec.model.abi.check.Check.SEG_DESC_INVALID;
import static pvspec.model.rules.Refusal.require;

import java.util.OptionalLong;
import org.pcollections.PVector;
import org.pcollections.TreePVector;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.check.Check;
import pvspec.model.state.DescriptorTables;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;
import pvspec.model.state.Words;

/**
 * Descriptor tables ({@code pv/descriptor-tables.c}): {@code set_gdt}, {@code update_descriptor}
 * and {@code MMUEXT_SET_LDT}. A GDT frame holds a general and a {@code PGT_seg_desc_page} type
 * reference for as long as it is in the GDT; taking that type validates the page (every
 * descriptor through {@link SegmentDescriptors#check}) and flushes the owner's writable
 * translations of it, as every type change does. So a descriptor page is never writable while
 * typed, and holds only descriptors Xen checked.
 */
final class DescriptorRules {
    private DescriptorRules() {}

    /**
     * {@code do_set_gdt} (:116-139) and {@code pv_set_gdt} (:73-114): the new frames are taken
     * one by one; at the first that fails, those before it are released and the call fails with
     * {@code EINVAL} (what the failed validation wrote back, and the flushes, stay: Xen writes
     * the fixed-up descriptors in place). Then the old GDT is released ({@code pv_destroy_gdt}
     * :50-71), the new one installed, and the vCPU's TLB flushed ({@code flush_tlb_local} :134).
     */
    static Outcome setGdt(State s, Caller c, SetGdt h) {
        long entries = h.entries() & 0xFFFFFFFFL;
        require(entries <= SegmentDescriptors.FIRST_RESERVED_GDT_ENTRY, GDT_TOO_MANY_ENTRIES);
        int n = (int) ((entries + SegmentDescriptors.PER_PAGE - 1) / SegmentDescriptors.PER_PAGE);
        require(h.frames().size() >= n, GDT_FRAME_LIST_UNREADABLE);
        int me = c.domain();
        PVector<Long> frames = TreePVector.empty();
        for (int i = 0; i < n; i++) {
            long mfn = h.frames().get(i);
            Check refused = takeSegDesc(s, mfn, me);
            if (refused != null) {
                State kept = refused == SEG_DESC_INVALID ? keepFixUps(s, mfn) : s;
                for (long taken : frames) kept = PageTypes.putPageAndType(kept, taken, c);
                return Outcome.refused(kept, refused.result(), refused);
            }
            s = segDescTaken(s, mfn);
            frames = frames.plus(mfn);
        }
        Vcpu v = TrapRules.vcpu(s, c);
        for (long old : v.descriptors().gdtFrames()) s = PageTypes.putPageAndType(s, old, c);
        v = TrapRules.vcpu(s, c);
        s = TrapRules.withVcpu(s, c, v.withDescriptors(v.descriptors().withGdt(frames, (int) entries)));
        return Outcome.of(Tlbs.flushLocal(s, me, c.vcpu()), Result.OK);
    }

    /** Whether {@code get_page_and_type(mfn, me, PGT_seg_desc_page)} fails, and with which check; null when it succeeds. */
    private static Check takeSegDesc(State s, long mfn, int me) {
        if (!s.validMfn(mfn)) return GDT_BAD_FRAME;
        Frame f = s.frame(mfn);
        if (f.owner() != me || f.count() == 0) return GDT_BAD_FRAME;
        if (f.typeCount() > 0) return f.type() == PageType.SEG_DESC ? null : GDT_BAD_FRAME;
        return SegmentDescriptors.firstRefused(f.contents()) == f.contents().size() ? null : SEG_DESC_INVALID;
    }

    /**
     * The references taken. From type count 0 the frame changes type: its owner's writable
     * translations are flushed (mm.c:3037-3058) and its descriptors validated and stored fixed up
     * ({@code validate_segdesc_page} :273-286).
     */
    private static State segDescTaken(State s, long mfn) {
        Frame f = s.frame(mfn);
        if (f.typeCount() > 0) return s.withFrame(mfn, f.withCount(f.count() + 1).withType(PageType.SEG_DESC, f.typeCount() + 1));
        s = Tlbs.forgetWritableIn(s, f.owner(), mfn);
        Words fixed = SegmentDescriptors.fixedUpTo(f.contents(), f.contents().size());
        f = s.frame(mfn);
        return s.withFrame(mfn, f.withContents(fixed).withCount(f.count() + 1).withType(PageType.SEG_DESC, 1));
    }

    /** A validation that failed: the flush happened and the descriptors before the refused one are stored fixed up; the type is reset (mm.c:2655-2660). */
    private static State keepFixUps(State s, long mfn) {
        Frame f = s.frame(mfn);
        s = Tlbs.forgetWritableIn(s, f.owner(), mfn);
        Words w = f.contents();
        return s.withFrame(mfn, s.frame(mfn).withContents(SegmentDescriptors.fixedUpTo(w, SegmentDescriptors.firstRefused(w))));
    }

    /**
     * {@code do_update_descriptor} (:288-336): the address aligned and the descriptor checked
     * (:298-300), the frame the caller's (:302-304), typed as a descriptor page or able to be
     * writable, not a page table (:309-319); the descriptor is stored as {@code check_descriptor}
     * fixed it. The type reference taken for the write is dropped again (:328).
     */
    static Outcome updateDescriptor(State s, Caller c, UpdateDescriptor h) {
        require((h.offset() & 7) == 0, DESC_MISALIGNED);
        OptionalLong d = SegmentDescriptors.check(h.desc());
        require(d.isPresent(), DESC_BAD_DESCRIPTOR);
        long mfn = h.mfn();
        require(s.validMfn(mfn) && s.frame(mfn).owner() == c.domain() && s.frame(mfn).count() > 0, DESC_NOT_OWNED);
        require(h.offset() >= 0 && h.offset() / 8 < s.config().entries(), DESC_NOT_OWNED);
        Frame f = s.frame(mfn);
        require(f.typeCount() == 0 || f.type() == PageType.SEG_DESC || f.type() == PageType.WRITABLE, DESC_BAD_TYPE);
        return Outcome.of(s.withFrame(mfn, f.withEntry((int) (h.offset() / 8), d.getAsLong()).withDataTag(c.domain())), Result.OK);
    }

    /**
     * {@code MMUEXT_SET_LDT} (mm.c:3830-3857): at most 8192 descriptors, at a page-aligned guest
     * address ({@code __addr_ok}); a change drops the LDT's mappings (none in the model: see
     * {@link DescriptorTables}) and records the new base and size. The model's mmuext_op acts on
     * the caller's own domain, so Xen's {@code currd != pg_owner} EPERM cannot arise.
     */
    static State setLdt(State s, Caller c, long va, long ents) {
        long n = ents & 0xFFFFFFFFL;
        require(n <= 8192 && (n == 0 || s.config().canonical(va) && !s.config().hypervisorRange(va)), LDT_BAD_ARGS);
        long base = n == 0 ? 0 : va;
        Vcpu v = TrapRules.vcpu(s, c);
        DescriptorTables dt = v.descriptors();
        if (dt.ldtEntries() == n && dt.ldtBase() == base) return s;
        return TrapRules.withVcpu(s, c, v.withDescriptors(dt.withLdt(base, (int) n)));
    }

    /** {@code pv_destroy_gdt} at domain teardown (domain.c:2550-2557): each GDT frame's references go. */
    static State destroyGdt(State s, int dom, int vcpu, Caller current) {
        Vcpu v = s.dom(dom).vcpu(vcpu);
        for (long f : v.descriptors().gdtFrames()) s = PageTypes.putPageAndType(s, f, current);
        return s.withDomain(s.dom(dom).withVcpu(vcpu, s.dom(dom).vcpu(vcpu).withDescriptors(DescriptorTables.NONE)));
    }
}
