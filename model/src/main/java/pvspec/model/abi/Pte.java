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

    /** Bits a guest may set in a present L1 entry (Xen's {@code L1_DISALLOW_MASK} complement). */
    public static final long L1_ALLOWED =
            P.mask() | RW.mask() | US.mask() | A.mask() | D.mask() | G.mask() | AVAIL.mask() | NX.mask();
    /** Bits a guest may set in a present L2/L3/L4 entry: no {@code PSE}, no {@code G}. */
    public static final long UPPER_ALLOWED =
            P.mask() | RW.mask() | US.mask() | A.mask() | D.mask() | AVAIL.mask() | NX.mask();
    /**
     * Bits whose change alone lets an update skip revalidation when the frame is unchanged
     * (Xen's {@code FASTPATH_FLAG_WHITELIST} after XSA-182: never {@code RW}, never {@code P}).
     */
    public static final long FASTPATH_WHITELIST =
            NX.mask() | AVAIL.mask() | G.mask() | D.mask() | A.mask() | US.mask();
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

    /** Whether {@code pte} is a grant mapping made by Xen. */
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

    private static long namedFlags() {
        long m = 0;
        for (PteFlag f : PteFlag.values()) m |= f.mask();
        return m;
    }
}
