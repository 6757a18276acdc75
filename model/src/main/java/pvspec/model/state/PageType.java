package pvspec.model.state;

/**
 * What a frame is used as ({@code PGT_*}): nothing special, a page table of one level,
 * writably mapped, or a page of a GDT or LDT ({@code PGT_seg_desc_page}, whose descriptors Xen
 * has checked). A frame has exactly one type, and the type can change only when its type
 * count is 0.
 */
public enum PageType {
    NONE,
    L1,
    L2,
    L3,
    L4,
    WRITABLE,
    SEG_DESC;

    /** The page-table type of level {@code level} (1 to 4). */
    public static PageType table(int level) {
        switch (level) {
            case 1: return L1;
            case 2: return L2;
            case 3: return L3;
            case 4: return L4;
            default: throw new IllegalArgumentException("no page-table level " + level);
        }
    }

    public boolean isPageTable() {
        return this == L1 || this == L2 || this == L3 || this == L4;
    }

    /** The page-table level of this type; 0 for types that are not page tables. */
    public int level() {
        return isPageTable() ? ordinal() : 0;
    }
}
