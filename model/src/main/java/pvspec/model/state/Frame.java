package pvspec.model.state;

import pvspec.model.abi.DomId;

/**
 * One machine frame's page-database entry (Xen's {@code struct page_info}) and its contents.
 *
 * @param owner the owning domain, {@link DomId#DOMID_XEN} for the hypervisor's frames, or
 *     {@link DomId#DOMID_INVALID} for a free frame
 * @param type the current type; {@link PageType#NONE} whenever the type count is 0 (Xen keeps a
 *     stale type at count 0 only to skip redundant TLB flushes; the model flushes instead)
 * @param typeCount references to the current type (table entries, pins, base pointers, maps)
 * @param count general references ({@code count_info}): every use, including the allocation
 * @param pinned the owner pinned the type ({@code PGT_pinned}); holds one general and one type reference
 * @param allocated the owner holds it ({@code PGC_allocated}); holds one general reference
 * @param linearCount Xen's {@code linear_pt_count}: positive, how many same-level (linear)
 *     entries this table contains; negative, in how many tables it is a linear target
 * @param dataTag the owner at the time guest data was last written to it, or
 *     {@link DomId#DOMID_INVALID} when the frame holds no guest data
 * @param contents the frame's words (page-table entries when it is a table)
 */
public record Frame(int owner, PageType type, int typeCount, int count, boolean pinned,
                    boolean allocated, int linearCount, int dataTag, Words contents) {

    /** A free, scrubbed frame. */
    public static Frame free(int entries) {
        return new Frame(DomId.DOMID_INVALID, PageType.NONE, 0, 0, false, false, 0, DomId.DOMID_INVALID, Words.zero(entries));
    }

    /** One of the hypervisor's own frames: owned by Xen and held by it forever. */
    public static Frame xen(int entries) {
        return new Frame(DomId.DOMID_XEN, PageType.NONE, 0, 1, false, true, 0, DomId.DOMID_INVALID, Words.zero(entries));
    }

    /** A frame just given to {@code owner}: its allocation is its only reference. */
    public static Frame allocated(int owner, int entries) {
        return new Frame(owner, PageType.NONE, 0, 1, false, true, 0, DomId.DOMID_INVALID, Words.zero(entries));
    }

    public boolean isFree() {
        return owner == DomId.DOMID_INVALID;
    }

    /** Whether the frame is a page table whose contents have been validated (type count above 0). */
    public boolean isTable() {
        return type.isPageTable() && typeCount > 0;
    }

    public boolean isTable(int level) {
        return isTable() && type.level() == level;
    }

    public long entry(int i) {
        return contents.get(i);
    }

    public Frame withCount(int c) {
        return new Frame(owner, type, typeCount, c, pinned, allocated, linearCount, dataTag, contents);
    }

    /** Sets the type and its count; a count of 0 always means type NONE. */
    public Frame withType(PageType t, int tc) {
        return new Frame(owner, tc == 0 ? PageType.NONE : t, tc, count, pinned, allocated, linearCount, dataTag, contents);
    }

    public Frame withPinned(boolean p) {
        return new Frame(owner, type, typeCount, count, p, allocated, linearCount, dataTag, contents);
    }

    public Frame withAllocated(boolean a) {
        return new Frame(owner, type, typeCount, count, pinned, a, linearCount, dataTag, contents);
    }

    public Frame withLinearCount(int l) {
        return new Frame(owner, type, typeCount, count, pinned, allocated, l, dataTag, contents);
    }

    public Frame withDataTag(int tag) {
        return new Frame(owner, type, typeCount, count, pinned, allocated, linearCount, tag, contents);
    }

    public Frame withContents(Words w) {
        return new Frame(owner, type, typeCount, count, pinned, allocated, linearCount, dataTag, w);
    }

    public Frame withEntry(int i, long value) {
        return withContents(contents.with(i, value));
    }

    @Override
    public int hashCode() { // stable across runs: enum hash codes are not
        int h = owner;
        h = h * 31 + type.ordinal();
        h = h * 31 + typeCount;
        h = h * 31 + count;
        h = h * 31 + (pinned ? 1 : 0);
        h = h * 31 + (allocated ? 1 : 0);
        h = h * 31 + linearCount;
        h = h * 31 + dataTag;
        return h * 31 + contents.hashCode();
    }
}
