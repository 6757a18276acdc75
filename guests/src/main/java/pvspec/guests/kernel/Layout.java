package pvspec.guests.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Config;

/**
 * Where a PV kernel puts things in the frames it was given (what Xen's domain builder and
 * Linux's {@code xen_setup_kernel_pagetable} decide): which frames become page tables of which
 * level, and which virtual page maps which frame.
 *
 * <p>The first frames become the tables, top level first; the rest are data. Every frame is
 * mapped once, in order, from virtual page 0 up (skipping the hypervisor's top-level slots):
 * data frames writable, table frames read-only (a page table mapped writable could not be
 * validated). After the frames come {@code spare} virtual pages that L1 tables cover but leave
 * empty, for grant mappings. Upper entries are writable; writability is decided at the L1.
 */
public final class Layout {
    private final Config config;
    private final List<Long> frames;
    private final int spare;
    private final List<Integer> guestSlots = new ArrayList<>();
    /** {@code tables.get(level - 1)}: the tables of that level, in order; the top level has one. */
    private final List<List<Long>> tables = new ArrayList<>();
    private final Map<Long, Integer> tableLevel = new HashMap<>();
    private final Map<Long, Integer> pageOfFrame = new HashMap<>();

    private Layout(Config config, List<Long> frames, int spare) {
        this.config = config;
        this.frames = List.copyOf(frames);
        this.spare = spare;
        int levels = config.levels();
        for (int slot = 0; slot < config.entries(); slot++) if (!config.reserved(slot)) guestSlots.add(slot);
        // How many tables each level needs to cover all pages, bottom up.
        int[] count = new int[levels + 1];
        long below = pages();
        for (int level = 1; level < levels; level++) {
            count[level] = (int) ceilDiv(below, config.entries());
            below = count[level];
        }
        count[levels] = 1;
        if (pages() > (long) guestSlots.size() * perTopSlot()) throw new IllegalArgumentException("the address space cannot map " + pages() + " pages");
        int tableFrames = 0;
        for (int level = 1; level <= levels; level++) tableFrames += count[level];
        if (tableFrames >= frames.size()) throw new IllegalArgumentException(frames.size() + " frames leave none for data after " + tableFrames + " tables");
        // Tables take the first frames, top level first.
        int next = 0;
        for (int level = 1; level <= levels; level++) tables.add(null);
        for (int level = levels; level >= 1; level--) {
            List<Long> mine = new ArrayList<>(this.frames.subList(next, next + count[level]));
            next += count[level];
            tables.set(level - 1, Collections.unmodifiableList(mine));
            for (long t : mine) tableLevel.put(t, level);
        }
        for (int p = 0; p < this.frames.size(); p++) pageOfFrame.put(this.frames.get(p), p);
    }

    /** The layout of {@code frames} with {@code spare} empty virtual pages after them. */
    public static Layout of(Config config, List<Long> frames, int spare) {
        if (spare < 0) throw new IllegalArgumentException("spare pages cannot be negative");
        return new Layout(config, frames, spare);
    }

    public Config config() {
        return config;
    }

    /** Virtual pages the tables cover: every frame, then the spare ones. */
    public long pages() {
        return frames.size() + (long) spare;
    }

    public List<Long> frames() {
        return frames;
    }

    /** The top-level table: pinned, and every vCPU's base pointer. */
    public long top() {
        return tables.get(config.levels() - 1).get(0);
    }

    /** The tables of one level, in the order they cover the address space. */
    public List<Long> tables(int level) {
        return tables.get(level - 1);
    }

    public boolean isTable(long mfn) {
        return tableLevel.containsKey(mfn);
    }

    /** Every table frame, top level first. */
    public List<Long> tableFrames() {
        return frames.subList(0, tableLevel.size());
    }

    /** The frames that hold data (mapped writable). */
    public List<Long> dataFrames() {
        return frames.subList(tableLevel.size(), frames.size());
    }

    /** The virtual page that maps {@code mfn}. */
    public long vaOf(long mfn) {
        Integer p = pageOfFrame.get(mfn);
        if (p == null) throw new IllegalArgumentException("frame " + mfn + " is not in this layout");
        return va(p);
    }

    /** The {@code i}-th spare virtual page: covered by an L1, not mapped. */
    public long spareVa(int i) {
        if (i < 0 || i >= spare) throw new IllegalArgumentException("no spare page " + i);
        return va(frames.size() + (long) i);
    }

    public int spare() {
        return spare;
    }

    /** An entry of a table: which frame, which slot (an {@code mmu_update} pointer). */
    public record Slot(long table, int index) {}

    /** The L1 entry of the {@code i}-th spare page (empty after boot). */
    public Slot spareSlot(int i) {
        long p = frames.size() + (long) i;
        if (i < 0 || i >= spare) throw new IllegalArgumentException("no spare page " + i);
        return new Slot(l1Of(p), (int) (p % config.entries()));
    }

    /** The L1 entry that maps frame {@code mfn}. */
    public Slot slotOf(long mfn) {
        Integer p = pageOfFrame.get(mfn);
        if (p == null) throw new IllegalArgumentException("frame " + mfn + " is not in this layout");
        return new Slot(l1Of(p), p % config.entries());
    }

    /** The first guest slot of the top-level table that the layout leaves empty, or -1. */
    public int freeTopSlot() {
        int used = tables(config.levels() - 1).size();
        return used < guestSlots.size() ? guestSlots.get(used) : -1;
    }

    /** The virtual page of page number {@code p}: guest top-level slots in order, then the lower indices. */
    public long va(long p) {
        long slot = guestSlots.get((int) (p / perTopSlot()));
        return slot * perTopSlot() + p % perTopSlot();
    }

    /** The L1 table that covers page number {@code p}. */
    public long l1Of(long p) {
        return tables(1).get((int) (p / config.entries()));
    }

    /**
     * The entries of table {@code index} of level {@code level}, as {@code mmu_update} requests
     * (only the present ones: the frames come scrubbed).
     */
    public List<MmuUpdate.Request> entries(int level, int index) {
        long table = tables(level).get(index);
        int e = config.entries();
        List<MmuUpdate.Request> out = new ArrayList<>();
        if (level == config.levels()) {
            List<Long> children = tables(level - 1);
            for (int i = 0; i < children.size(); i++) out.add(new MmuUpdate.Request(table, guestSlots.get(i), upper(children.get(i))));
            return out;
        }
        if (level > 1) {
            List<Long> children = tables(level - 1);
            for (int i = 0; i < e && index * e + i < children.size(); i++) {
                out.add(new MmuUpdate.Request(table, i, upper(children.get(index * e + i))));
            }
            return out;
        }
        for (int i = 0; i < e; i++) {
            long p = (long) index * e + i;
            if (p >= frames.size()) break;
            long mfn = frames.get((int) p);
            long pte = isTable(mfn) ? Pte.make(mfn, PteFlag.P, PteFlag.US) : Pte.make(mfn, PteFlag.P, PteFlag.RW, PteFlag.US);
            out.add(new MmuUpdate.Request(table, i, pte));
        }
        return out;
    }

    private static long upper(long child) {
        return Pte.make(child, PteFlag.P, PteFlag.RW, PteFlag.US);
    }

    private long perTopSlot() {
        long n = 1;
        for (int i = 1; i < config.levels(); i++) n *= config.entries();
        return n;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
