package pvspec.guests.kernel;

import java.util.ArrayList;
import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;

/**
 * Building an address space the way {@code public/xen.h} prescribes: fill the tables bottom
 * up while they are still ordinary memory (L1s first, each mapping the table frames read-only),
 * then pin the top level, which validates the whole tree under it, then switch to it with
 * {@code MMUEXT_NEW_BASEPTR}.
 */
public final class PageTables {
    private PageTables() {}

    /** Fill and pin the layout's tables, and make the top level this vCPU's base pointer. */
    public static void build(HypercallPage hp, Layout layout) {
        fill(hp, layout);
        hp.ok(Calls.pin(layout.config().levels(), layout.top()));
        hp.ok(Calls.newBaseptr(layout.top()));
    }

    /**
     * Zero the table frames ({@code MMUEXT_CLEAR_PAGE}, one batch), then write every table's
     * entries, one {@code mmu_update} batch per table, L1s first. Frames a domain is given hold
     * whatever their last owner left (Xen does not scrub what a live domain gives back), so a
     * kernel clears a page before it becomes a table, as Linux allocates them zeroed.
     */
    public static void fill(HypercallPage hp, Layout layout) {
        List<MmuextOp.Op> clears = new ArrayList<>();
        for (long mfn : layout.tableFrames()) clears.add(new MmuextOp.ClearPage(mfn));
        if (!clears.isEmpty()) hp.ok(new MmuextOp(clears));
        for (int level = 1; level <= layout.config().levels(); level++) {
            for (int i = 0; i < layout.tables(level).size(); i++) {
                List<MmuUpdate.Request> entries = layout.entries(level, i);
                if (!entries.isEmpty()) hp.ok(Calls.mmuUpdate(entries));
            }
        }
    }
}
