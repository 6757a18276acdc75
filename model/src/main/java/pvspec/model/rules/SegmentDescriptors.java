package pvspec.model.rules;

import java.util.OptionalLong;
import pvspec.model.state.Words;

/**
 * {@code check_descriptor} (pv/descriptor-tables.c:188-271) for a 64-bit PV guest: which
 * descriptors Xen lets into a GDT or LDT page, and how it stores them. A descriptor is the
 * 64-bit value {@code b << 32 | a} of {@code seg_desc_t}.
 *
 * <ul>
 *   <li>not present: allowed, unchanged (:192-194);</li>
 *   <li>its DPL is raised to the guest kernel's (3: {@code __fixup_guest_selector}, :196-199);</li>
 *   <li>a code or data segment: allowed, no base or limit check (:201-232);</li>
 *   <li>a system descriptor of type 0 (the second half of a call gate): allowed and stored
 *       unchanged, without the DPL fix-up (:234-236);</li>
 *   <li>any other system descriptor but a call gate (type 0xc): refused (:238-240);</li>
 *   <li>a call gate: its target selector must not name Xen's GDT entries unless it is
 *       {@code FLAT_KERNEL_CS} or an LDT selector ({@code guest_gate_selector_okay},
 *       asm/desc.h:72-77); its DPL becomes 0 and the (fixed) DPL moves into the selector's RPL
 *       (:246-258); its reserved bits {@code b & 0xff} must be 0 (:261-262).</li>
 * </ul>
 */
public final class SegmentDescriptors {
    private SegmentDescriptors() {}

    static final int SEGMENT_TYPE = 15 << 8;
    static final int SEGMENT_S = 1 << 12;
    static final int SEGMENT_DPL = 3 << 13;
    static final int SEGMENT_P = 1 << 15;
    static final int CALL_GATE = 0xc00;
    /** {@code FIRST_RESERVED_GDT_ENTRY} (public/arch-x86/xen.h:82-84): 14 pages of 512. */
    public static final int FIRST_RESERVED_GDT_ENTRY = 14 * 512;
    static final int FLAT_KERNEL_CS = 0xe033;
    /** Descriptors in a page. */
    public static final int PER_PAGE = 512;

    /** The descriptor as Xen stores it, or empty when {@code check_descriptor} refuses it. */
    public static OptionalLong check(long desc) {
        int a = (int) desc;
        int b = (int) (desc >>> 32);
        if ((b & SEGMENT_P) == 0) return OptionalLong.of(desc);
        int dpl = (b >>> 13) & 3;
        dpl = dpl >= TrapRules.GUEST_KERNEL_RPL ? dpl : (dpl & ~3) | TrapRules.GUEST_KERNEL_RPL;
        b = (b & ~SEGMENT_DPL) | (dpl << 13);
        if ((b & SEGMENT_S) != 0) return OptionalLong.of(pack(a, b));
        if ((b & SEGMENT_TYPE) == 0) return OptionalLong.of(desc);
        if ((b & SEGMENT_TYPE) != CALL_GATE) return OptionalLong.empty();
        int cs = a >>> 16;
        if (!gateSelectorOk(cs)) return OptionalLong.empty();
        b &= ~SEGMENT_DPL;
        cs = (cs & ~3) | dpl;
        a = (a & 0xffff) | (cs << 16);
        if ((b & 0xff) != 0) return OptionalLong.empty();
        return OptionalLong.of(pack(a, b));
    }

    /** {@code guest_gate_selector_okay} for a 64-bit guest. */
    static boolean gateSelectorOk(int sel) {
        return (sel >>> 3) < FIRST_RESERVED_GDT_ENTRY || sel == FLAT_KERNEL_CS || (sel & 4) != 0;
    }

    /** The index of the first descriptor of {@code w} that Xen refuses, or {@code w.size()}. */
    static int firstRefused(Words w) {
        for (int i = 0; i < w.size(); i++) if (check(w.get(i)).isEmpty()) return i;
        return w.size();
    }

    /** {@code w} with its first {@code n} descriptors as Xen stores them (validation writes them back in place). */
    static Words fixedUpTo(Words w, int n) {
        for (int i = 0; i < n; i++) {
            long fixed = check(w.get(i)).getAsLong();
            if (fixed != w.get(i)) w = w.with(i, fixed);
        }
        return w;
    }

    private static long pack(int a, int b) {
        return (a & 0xFFFFFFFFL) | ((long) b << 32);
    }
}
