package pvspec.hypervisor;

import java.util.concurrent.atomic.AtomicLongArray;
import pvspec.model.abi.DomId;

/**
 * The machine's frame table (Xen's {@code frame_table} of {@code struct page_info}), packed in
 * primitive arrays indexed by machine frame number.
 *
 * <p>{@link #countInfo} holds the general count (low 32 bits, signed) and {@code PGC_allocated};
 * {@link #typeInfo} the type count (low 32 bits, signed), the type (bits 32..34: 0 none, 1..4
 * L1..L4, 5 writable, 6 descriptor page; the type is 0 whenever the count is 0), {@code PGT_pinned}, and
 * {@code PGT_partial} with Xen's {@code nr_validated_ptes} (bits 40..49: entries are at most 512)
 * for a table a preempted (de)validation left part-way, and its {@code partial_flags}
 * ({@code PTF_partial_set}, bit 60). Both are
 * changed by compare-and-swap (see the package documentation). Contents are allocated on the
 * first non-zero write: {@code null} means all zero, so free and data frames cost no entries.
 */
final class FrameTable {
    static final int NONE = 0;
    static final int WRITABLE = 5;
    /** {@code PGT_seg_desc_page}: a GDT or LDT page. */
    static final int SEG_DESC = 6;

    static final long PGC_ALLOCATED = 1L << 62;
    static final long PGT_PINNED = 1L << 62;
    static final long PGT_PARTIAL = 1L << 61;
    /** {@code partial_flags & PTF_partial_set} of a partial table: its entry at {@code nr_validated_ptes} holds only a general reference to a partial child. */
    static final long PTF_PARTIAL_SET = 1L << 60;
    private static final int NR_VALIDATED_SHIFT = 40;
    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    /** Owner of a free frame. */
    static final int FREE = DomId.DOMID_INVALID;

    final int frames;
    final int entries;
    final AtomicLongArray countInfo;
    final AtomicLongArray typeInfo;
    /** Bit {@code d}: a vCPU of domain {@code d} may cache a translation to the frame. */
    final AtomicLongArray tlbDoms;
    final int[] owner;
    /** Xen's {@code linear_pt_count}. */
    final int[] linear;
    /** The owner when guest data was last written to the frame, or {@link #FREE}. */
    final int[] dataTag;
    final long[][] contents;

    FrameTable(int frames, int entries) {
        this.frames = frames;
        this.entries = entries;
        countInfo = new AtomicLongArray(frames);
        typeInfo = new AtomicLongArray(frames);
        tlbDoms = new AtomicLongArray(frames);
        owner = new int[frames];
        linear = new int[frames];
        dataTag = new int[frames];
        contents = new long[frames][];
        for (int i = 0; i < frames; i++) {
            owner[i] = FREE;
            dataTag[i] = FREE;
        }
    }

    /** Bytes of metadata per frame (contents of page tables not included). */
    static int metadataBytesPerFrame() {
        return 3 * Long.BYTES + 3 * Integer.BYTES + 4 /* contents reference, compressed oops */;
    }

    boolean valid(long mfn) {
        return mfn >= 0 && mfn < frames;
    }

    long entry(int mfn, int i) {
        long[] c = contents[mfn];
        return c == null ? 0 : c[i];
    }

    static int count(long ci) {
        return (int) ci;
    }

    static boolean allocated(long ci) {
        return (ci & PGC_ALLOCATED) != 0;
    }

    static long countInfo(int count, boolean allocated) {
        return (count & COUNT_MASK) | (allocated ? PGC_ALLOCATED : 0);
    }

    static int typeCount(long ti) {
        return (int) ti;
    }

    static int type(long ti) {
        return (int) (ti >>> 32) & 7;
    }

    static boolean pinned(long ti) {
        return (ti & PGT_PINNED) != 0;
    }

    /** A type word; a count of 0 always means type none. */
    static long typeInfo(int type, int count, boolean pinned) {
        return (count & COUNT_MASK) | ((long) (count == 0 ? NONE : type) << 32) | (pinned ? PGT_PINNED : 0);
    }

    /** A type word exactly as given (for states built from outside). */
    static long rawTypeInfo(int type, int count, boolean pinned) {
        return (count & COUNT_MASK) | ((long) type << 32) | (pinned ? PGT_PINNED : 0);
    }

    static boolean isPageTable(int type) {
        return type >= 1 && type <= 4;
    }

    static boolean partial(long ti) {
        return (ti & PGT_PARTIAL) != 0;
    }

    /** {@code nr_validated_ptes} of a partial frame. */
    static int nrValidated(long ti) {
        return (int) (ti >>> NR_VALIDATED_SHIFT) & 0x3FF;
    }

    /** A partial table of {@code type}: its one type reference held by {@code PGT_partial}, entries below {@code nr} validated. */
    static long partialTypeInfo(int type, int nr, boolean pinned) {
        return partialTypeInfo(type, nr, pinned, false);
    }

    /** As above; {@code set}: the entry at {@code nr} holds a general reference to its partial child ({@code PTF_partial_set}). */
    static long partialTypeInfo(int type, int nr, boolean pinned, boolean set) {
        return typeInfo(type, 1, pinned) | PGT_PARTIAL | (long) nr << NR_VALIDATED_SHIFT | (set ? PTF_PARTIAL_SET : 0);
    }

    /** {@code PTF_partial_set} of a partial frame. */
    static boolean partialSet(long ti) {
        return partial(ti) && (ti & PTF_PARTIAL_SET) != 0;
    }

    /** A validated page table: a table type with references, not partial. */
    static boolean isTable(long ti) {
        return isPageTable(type(ti)) && typeCount(ti) > 0 && !partial(ti);
    }
}
