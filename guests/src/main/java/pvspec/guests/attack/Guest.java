package pvspec.guests.attack;

import java.util.List;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.kernel.Layout;

/**
 * A guest the attack set up: a domain with a built, pinned and loaded address space (see
 * {@link Layout}), plus {@code extra} frames it owns but has not mapped or typed.
 */
public record Guest(int domid, Layout layout, HypercallPage hp, List<Long> extra) {
    public Guest {
        extra = List.copyOf(extra);
    }

    public long top() {
        return layout.top();
    }

    public long l1(int i) {
        return layout.tables(1).get(i);
    }

    public long data(int i) {
        return layout.dataFrames().get(i);
    }

    public long va(long mfn) {
        return layout.vaOf(mfn);
    }

    public long spareVa(int i) {
        return layout.spareVa(i);
    }

    public Layout.Slot spareSlot(int i) {
        return layout.spareSlot(i);
    }

    public int freeTopSlot() {
        return layout.freeTopSlot();
    }
}
