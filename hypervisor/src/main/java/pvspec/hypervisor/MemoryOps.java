package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.MEMORY_TOO_MANY;
import static pvspec.model.abi.check.Check.MEMORY_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.MEMORY_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.MEMORY_STAT_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.MEMORY_STAT_NO_SUCH_DOMAIN;
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
                if (p.count() < 0 || p.count() > 0xFFFFFFFFL >>> 6) throw Refused.of(MEMORY_TOO_MANY);
                return populate(t, target(t, p.dom()), p.count());
            }

            @Override public Result decreaseReservation(MemoryOp.DecreaseReservation r) { return decrease(t, target(t, r.dom()), r.mfns()); }
            @Override public Result maximumReservation(MemoryOp.MaximumReservation m) { return Result.value(statTarget(t, m.dom()).vars[Dom.MAX_PAGES]); }
            @Override public Result currentReservation(MemoryOp.CurrentReservation m) { return Result.value(statTarget(t, m.dom()).vars[Dom.OWNED]); }
            @Override public Result exchange(MemoryOp.Exchange x) { return ExchangeOps.apply(t, x); }
            @Override public Result unknown(MemoryOp.Unknown x) { throw Refused.of(MEMORY_UNKNOWN_COMMAND); }
        });
    }

    private static Dom target(Txn t, int domArg) {
        int dom = domArg & 0xFFFF;
        if (dom == DomId.DOMID_SELF) dom = t.me;
        Dom d = t.dom(dom);
        if (d == null) throw Refused.of(MEMORY_NO_SUCH_DOMAIN);
        if (!t.checks.targetPermitted(t.me, dom, t.dom.privileged)) throw Refused.of(MEMORY_NOT_PERMITTED);
        return d;
    }

    /** The reservation queries: lookup, then XSM_TARGET ({@code xsm_memory_stat_reservation}); {@code tot_pages} is what the domain owns. */
    private static Dom statTarget(Txn t, int domArg) {
        int dom = domArg & 0xFFFF;
        if (dom == DomId.DOMID_SELF) dom = t.me;
        Dom d = t.dom(dom);
        if (d == null) throw Refused.of(MEMORY_STAT_NO_SUCH_DOMAIN);
        if (!t.checks.statReservationPermitted(t.me, dom, t.dom.privileged)) throw Refused.of(MEMORY_STAT_NOT_PERMITTED);
        return d;
    }

    private static Result populate(Txn t, Dom d, long count) {
        // assign_pages: none for a dying domain; tot_pages counts every frame it owns.
        long allowed = d.alive() ? d.vars[Dom.MAX_PAGES] - d.vars[Dom.OWNED] : 0;
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
                // assign_pages: the allocation is the only reference; contents are what the last owner left.
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
