package pvspec.model.abi;

import static pvspec.model.abi.PteFlag.*;

/**
 * Page-table entries as Xen passes them: a raw 64-bit value, frame number in bits 12..51 and
 * flags around it. Any 64-bit value is a representable request; validation decides.
 */
public final class Pte {
    private Pte() {}

    /** Not present, no bits. */
    public static final long NONE = 0;

    public static final int MFN_SHIFT = 12;
    public static final long MFN_MASK = ((1L << 40) - 1) << MFN_SHIFT;
    /** The largest frame number an entry can hold. */
    public static final long MAX_MFN = (1L << 40) - 1;

    /** The three software-available bits 9..11 (Xen's {@code _PAGE_AVAIL}); {@link PteFlag#AVAIL} is the first. */
    public static final long AVAIL_LOW = 0x7L << 9;
    /** The software-available bits 52..62 (Xen's {@code _PAGE_AVAIL_HIGH}, flag bits 12..22). */
    public static final long AVAIL_HIGH = 0x7FFL << 52;
    /**
     * Bit 52, Xen's {@code _PAGE_GUEST_KERNEL} ({@code x86_64/page.h}): set by
     * {@code adjust_guest_l1e} on an entry the guest gave without {@code _PAGE_USER}, so that the
     * guest kernel can tell its kernel mappings from its user ones (both carry {@code US}).
     */
    public static final long GUEST_KERNEL = 1L << 52;
    /**
     * Bits a guest may set in a present L1 entry: the complement of Xen's {@code L1_DISALLOW_MASK}
     * ({@code mm.c:164}, {@code base_disallow_mask} {@code mm.c:282}) — P, RW, US, A, D, G, the
     * available bits and NX — less {@code _PAGE_GNTTAB} (bit 62), which Xen's L1 mask keeps for
     * itself (the build with {@code _PAGE_GNTTAB}, the one in which grant PTEs are marked).
     */
    public static final long L1_ALLOWED = P.mask() | RW.mask() | US.mask() | A.mask() | D.mask() | G.mask()
            | AVAIL_LOW | (AVAIL_HIGH & ~GNTTAB.mask()) | NX.mask();
    /** {@code _PAGE_ACCESSED | _PAGE_DIRTY}: what {@code MMU_PT_UPDATE_PRESERVE_AD} keeps of the old entry. */
    public static final long AD = A.mask() | D.mask();
    /** {@code PAGE_CACHE_ATTRS}: PWT (bit 3), PCD (bit 4) and, in an L1 entry, PAT (bit 7). */
    public static final long CACHE_ATTRS = 1L << 3 | 1L << 4 | 1L << 7;

    /**
     * {@code l1_disallow_mask(d)} (mm.c:173-177): a domain with I/O capabilities
     * ({@code cache_flush_permitted}: here the control domain) may also set the cache attributes.
     */
    public static long l1Allowed(boolean cacheFlushPermitted) {
        return cacheFlushPermitted ? L1_ALLOWED | CACHE_ATTRS : L1_ALLOWED;
    }
    /**
     * Bits a guest may set in a present L2/L3/L4 entry ({@code L2_DISALLOW_MASK} =
     * {@code base_disallow_mask}): as L1 but no {@code G}, and {@code PSE} (no superpages).
     */
    public static final long UPPER_ALLOWED =
            P.mask() | RW.mask() | US.mask() | A.mask() | D.mask() | AVAIL_LOW | AVAIL_HIGH | NX.mask();
    /**
     * Bits whose change alone lets an update skip revalidation when the frame is unchanged
     * (Xen's {@code FASTPATH_FLAG_WHITELIST}, {@code mm.c:2124}, after XSA-182: never {@code RW},
     * never {@code P}).
     */
    public static final long FASTPATH_WHITELIST =
            NX.mask() | AVAIL_HIGH | AVAIL_LOW | G.mask() | D.mask() | A.mask() | US.mask();
    /** Every named flag bit. */
    public static final long NAMED_FLAGS = namedFlags();

    public static long make(long mfn, PteFlag... flags) {
        long v = mfn << MFN_SHIFT & MFN_MASK;
        for (PteFlag f : flags) v |= f.mask();
        return v;
    }

    /** An entry for {@code mfn} with the flag bits {@code flags}; {@code mfn} must fit in 40 bits. */
    public static long of(long mfn, long flags) {
        if (mfn < 0 || mfn > MAX_MFN) throw new IllegalArgumentException("mfn does not fit a PTE: " + mfn);
        return mfn << MFN_SHIFT | (flags & ~MFN_MASK);
    }

    public static long mfn(long pte) {
        return (pte & MFN_MASK) >>> MFN_SHIFT;
    }

    public static long flags(long pte) {
        return pte & ~MFN_MASK;
    }

    public static boolean present(long pte) {
        return (pte & P.mask()) != 0;
    }

    public static boolean writable(long pte) {
        return (pte & RW.mask()) != 0;
    }

    public static boolean user(long pte) {
        return (pte & US.mask()) != 0;
    }

    /**
     * Whether a guest access walks through this entry: present and user-accessible (a 64-bit PV
     * guest, kernel included, runs in ring 3, so the hypervisor's supervisor-only slots stop it).
     * The one rule every walk of what a vCPU can reach uses.
     */
    public static boolean guestWalks(long pte) {
        return present(pte) && user(pte);
    }

    public static boolean has(long pte, PteFlag flag) {
        return (pte & flag.mask()) != 0;
    }

    /** The flag bits of {@code pte} outside {@code allowed} (the frame number is not a flag). */
    public static long disallowed(long pte, long allowed) {
        return flags(pte) & ~allowed;
    }

    /** Whether {@code pte}, an L1 entry, is a grant mapping made by Xen (above L1, bit 62 is an available bit). */
    public static boolean isGrant(long pte) {
        return present(pte) && has(pte, GNTTAB);
    }

    /**
     * Xen's fast path: the new entry maps the same frame as the old one and differs only in
     * whitelisted bits, so it needs no new references and no revalidation.
     */
    public static boolean fastPath(long oldPte, long newPte) {
        return present(oldPte) && present(newPte)
                && ((oldPte ^ newPte) & ~FASTPATH_WHITELIST) == 0;
    }

    /**
     * What Xen stores for a present entry a 64-bit PV guest gives it ({@code pv/mm.h}
     * {@code adjust_guest_l1e} .. {@code adjust_guest_l4e}): every level gets {@code _PAGE_USER},
     * since the guest kernel runs in ring 3; an L1 entry the guest gave without {@code US} is
     * marked {@code _PAGE_GUEST_KERNEL}, one it gave with {@code US} (a user mapping) gets
     * {@code _PAGE_GLOBAL}; the top level also gets {@code _PAGE_ACCESSED}. {@code top} says
     * whether {@code level} is the top level of the configuration (Xen's L4).
     */
    public static long adjustForGuest(long pte, int level, boolean top) {
        if (!present(pte)) return pte;
        if (level == 1) {
            if (!user(pte)) pte |= GUEST_KERNEL | US.mask();
            if ((pte & GUEST_KERNEL) == 0) pte |= G.mask() | US.mask();
            return pte;
        }
        return pte | US.mask() | (top ? A.mask() : 0);
    }

    private static long namedFlags() {
        long m = 0;
        for (PteFlag f : PteFlag.values()) m |= f.mask();
        return m;
    }
}
