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
 * @param partial Xen's {@code PGT_partial}: a preempted validation or devalidation left the table
 *     part-way; its one type reference and one extra general reference ({@code get_page_light})
 *     belong to that partial state, not to any user (mm.c:2673-2676, 2773-2779)
 * @param nrValidated Xen's {@code nr_validated_ptes} while {@link #partial}: entries below it hold
 *     their references, entries from it on hold none; 0 otherwise (Xen resets it when a
 *     validation starts afresh, mm.c:3124-3128)
 * @param partialSet Xen's {@code partial_flags} ({@code PTF_partial_set}) while {@link #partial}:
 *     the (de)validation of the entry at {@link #nrValidated}'s own child (an L3/L4 table's L2/L3)
 *     was preempted, so that entry holds a general reference to the child but no type reference
 *     (the child's partial state holds that); false otherwise (mm.c:1583-1586, 1785-1788,
 *     1946-1950, 1978-1981; asm/mm.h:246-270)
 */
public record Frame(int owner, PageType type, int typeCount, int count, boolean pinned,
                    boolean allocated, int linearCount, int dataTag, Words contents, boolean partial, int nrValidated,
                    boolean partialSet) {

    /** A frame in no partial state. */
    public Frame(int owner, PageType type, int typeCount, int count, boolean pinned,
                 boolean allocated, int linearCount, int dataTag, Words contents) {
        this(owner, type, typeCount, count, pinned, allocated, linearCount, dataTag, contents, false, 0, false);
    }

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

    /**
     * Whether the frame is a page table whose contents have been validated (type count above 0,
     * Xen's {@code PGT_validated}); a {@link #partial} table is not.
     */
    public boolean isTable() {
        return type.isPageTable() && typeCount > 0 && !partial;
    }

    public boolean isTable(int level) {
        return isTable() && type.level() == level;
    }

    public long entry(int i) {
        return contents.get(i);
    }

    public Frame withCount(int c) {
        return new Frame(owner, type, typeCount, c, pinned, allocated, linearCount, dataTag, contents, partial, nrValidated, partialSet);
    }

    /** Sets the type and its count; a count of 0 always means type NONE. */
    public Frame withType(PageType t, int tc) {
        return new Frame(owner, tc == 0 ? PageType.NONE : t, tc, count, pinned, allocated, linearCount, dataTag, contents, partial, nrValidated, partialSet);
    }

    public Frame withPinned(boolean p) {
        return new Frame(owner, type, typeCount, count, p, allocated, linearCount, dataTag, contents, partial, nrValidated, partialSet);
    }

    public Frame withAllocated(boolean a) {
        return new Frame(owner, type, typeCount, count, pinned, a, linearCount, dataTag, contents, partial, nrValidated, partialSet);
    }

    public Frame withLinearCount(int l) {
        return new Frame(owner, type, typeCount, count, pinned, allocated, l, dataTag, contents, partial, nrValidated, partialSet);
    }

    public Frame withDataTag(int tag) {
        return new Frame(owner, type, typeCount, count, pinned, allocated, linearCount, tag, contents, partial, nrValidated, partialSet);
    }

    public Frame withContents(Words w) {
        return new Frame(owner, type, typeCount, count, pinned, allocated, linearCount, dataTag, w, partial, nrValidated, partialSet);
    }

    /** Enters ({@code p}, entries below {@code n} validated) or leaves (false, 0) the partial state. */
    public Frame withPartial(boolean p, int n) {
        return withPartial(p, n, false);
    }

    /** As {@link #withPartial(boolean, int)}, the entry at {@code n} holding only a general reference to its partial child if {@code set}. */
    public Frame withPartial(boolean p, int n, boolean set) {
        return new Frame(owner, type, typeCount, count, pinned, allocated, linearCount, dataTag, contents, p, p ? n : 0, p && set);
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
        h = h * 31 + contents.hashCode();
        return partial ? h * 31 + 1 + nrValidated + (partialSet ? 1024 : 0) : h; // unchanged for frames in no partial state
    }
}
