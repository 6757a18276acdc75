package pvspec.model.abi;

/**
 * The named bits of a page-table entry, at their x86-64 positions.
 *
 * <p>{@link #GNTTAB} is Xen's internal marker of an entry created by a grant mapping
 * ({@code _PAGE_GNTTAB}); a guest can never set it. {@code AVAIL} is the first of the three
 * software-available bits; pvspec names only that one, and treats every unnamed bit (cache
 * attributes, the other available bits) as disallowed.
 */
public enum PteFlag {
    P(0),
    RW(1),
    US(2),
    A(5),
    D(6),
    PSE(7),
    G(8),
    AVAIL(9),
    GNTTAB(62),
    NX(63);

    private final long mask;

    PteFlag(int bit) {
        this.mask = 1L << bit;
    }

    public long mask() {
        return mask;
    }
}
