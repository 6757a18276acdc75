package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.MEMORY_BAD_COUNT;
import static pvspec.model.abi.check.Check.MEMORY_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.MEMORY_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.MEMORY_UNKNOWN_COMMAND;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.Result;

/**
 * {@code memory_op}: {@code populate_physmap} gives a domain the lowest free frames (up to its
 * {@code max_pages}); {@code decrease_reservation} drops their allocation reference, freeing a
 * frame only when its last reference goes.
 */
final class MemoryOps {
    private MemoryOps() {}


    static Result apply(Txn t, MemoryOp h) {
        return h.accept(new MemoryOp.Visitor<>() {
            @Override
            public Result populatePhysmap(MemoryOp.PopulatePhysmap p) {
                Dom d = target(t, p.dom());
                if (p.count() < 0) throw Refused.of(MEMORY_BAD_COUNT);
                return populate(t, d, p.count());
            }

            @Override public Result decreaseReservation(MemoryOp.DecreaseReservation r) { return decrease(t, target(t, r.dom()), r.mfns()); }
            @Override public Result unknown(MemoryOp.Unknown x) { throw Refused.of(MEMORY_UNKNOWN_COMMAND); }
        });
    }

    private static Dom target(Txn t, int domArg) {
        int dom = domArg == DomId.DOMID_SELF ? t.me : domArg;
        Dom d = t.alive(dom);
        if (d == null) throw Refused.of(MEMORY_NO_SUCH_DOMAIN);
        if (!t.checks.targetPermitted(t.me, dom, t.dom.privileged)) throw Refused.of(MEMORY_NOT_PERMITTED);
        return d;
    }

    private static Result populate(Txn t, Dom d, long count) {
        long allowed = d.vars[Dom.MAX_PAGES] - d.vars[Dom.TOT_PAGES];
        List<Long> given = new ArrayList<>();
        if (count > 0 && allowed > 0) {
            t.lockHeap();
            Heap heap = t.hv.heap;
            FrameTable ft = t.ft;
            long n = 0;
            while (n < count && n < allowed) {
                int mfn = heap.lowest();
                if (mfn < 0) break;
                heap.take(mfn);
                t.j.heapTake(heap, mfn);
                // assign_pages: the allocation is the only reference; contents were scrubbed on free.
                t.setInt(ft.owner, mfn, d.id);
                t.setCountInfo(mfn, FrameTable.countInfo(1, true));
                given.add(Long.valueOf(mfn));
                n++;
            }
            t.setLong(d.vars, Dom.TOT_PAGES, d.vars[Dom.TOT_PAGES] + n);
            t.setLong(d.vars, Dom.OWNED, d.vars[Dom.OWNED] + n);
        }
        return new Result.Extents(given);
    }

    private static Result decrease(Txn t, Dom d, List<Long> mfns) {
        FrameTable ft = t.ft;
        int done = 0;
        for (int i = 0; i < mfns.size(); i++) {
            long mfn = mfns.get(i);
            if (!ft.valid(mfn) || ft.owner[(int) mfn] != d.id) break;
            int f = (int) mfn;
            long ci = ft.countInfo.get(f);
            if (FrameTable.allocated(ci)) {
                t.setCountInfo(f, ci & ~FrameTable.PGC_ALLOCATED);
                t.setLong(d.vars, Dom.TOT_PAGES, d.vars[Dom.TOT_PAGES] - 1);
                PageRefs.putPage(t, f);
            }
            done++;
        }
        return Result.value(done);
    }
}
