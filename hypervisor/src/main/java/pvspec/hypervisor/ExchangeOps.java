package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.MEM_EXCHANGE_BAD_FRAME;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_DOMID;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_NO_DOMAIN;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_NO_MEMORY;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_NR_EXCHANGED;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_ORDER;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_OVERFLOW;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_SIZES;
import static pvspec.model.abi.check.Check.MEM_EXCHANGE_STEAL;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;

/**
 * {@code XENMEM_exchange} ({@code memory.c:memory_exchange}): the argument checks, then per chunk
 * steal the inputs, take aligned output blocks from the heap, free the inputs scrubbed (they have
 * no owner) and assign the outputs. A failed chunk is undone by the journal, as Xen reassigns
 * what it stole; the chunks before it stay exchanged.
 */
final class ExchangeOps {
    private ExchangeOps() {}

    static Result apply(Txn t, MemoryOp.Exchange x) {
        List<Long> in = x.in();
        long inNr = in.size();
        long maxOrder = t.dom.privileged ? 18 : 9; // max_order: domu 9, control domain 18 (memory.c:88-104)
        long inOrder = x.inOrder() & 0xFFFFFFFFL;
        long outOrder = x.outOrder() & 0xFFFFFFFFL;
        if (inOrder > maxOrder || outOrder > maxOrder) throw Refused.of(MEM_EXCHANGE_ORDER);
        if (Long.compareUnsigned(x.nrExchanged(), inNr) > 0) throw Refused.of(MEM_EXCHANGE_NR_EXCHANGED);
        if ((x.dom() & 0xFFFF) != (x.outDom() & 0xFFFF)) throw Refused.of(MEM_EXCHANGE_DOMID);
        if (Long.compareUnsigned(-1L >>> inOrder, inNr) < 0 || Long.compareUnsigned(-1L >>> outOrder, x.outNrExtents()) < 0) {
            throw Refused.of(MEM_EXCHANGE_OVERFLOW);
        }
        if (inNr << inOrder != x.outNrExtents() << outOrder) throw Refused.of(MEM_EXCHANGE_SIZES);
        if (x.nrExchanged() == inNr) return Result.OK;
        int id = x.dom() & 0xFFFF;
        if (id == DomId.DOMID_SELF) id = t.me;
        Dom d = t.dom(id);
        if (d == null) throw Refused.of(MEM_EXCHANGE_NO_DOMAIN);
        if (!t.checks.targetPermitted(t.me, id, t.dom.privileged)) throw Refused.of(MEM_EXCHANGE_NOT_PERMITTED);
        int inChunk = (int) Math.max(0, outOrder - inOrder);
        int outChunk = (int) Math.max(0, inOrder - outOrder);
        for (long i = x.nrExchanged() >>> inChunk; i < inNr >>> inChunk; i++) {
            long mark = t.mark();
            List<Integer> stolen = new ArrayList<>();
            Check failed = steal(t, d, in, i, inChunk, (int) inOrder, stolen);
            List<Integer> blocks = failed == null ? take(t, (int) outOrder, 1 << outChunk) : null;
            if (failed == null && blocks == null) failed = MEM_EXCHANGE_NO_MEMORY;
            if (failed != null) {
                t.rollback(mark); // what was stolen goes back as it was (memory.c:921-933)
                t.batchStoppedBy = failed;
                return new Result.Partial(failed.errno(), (int) (i << inChunk));
            }
            for (int f : stolen) freeScrubbed(t, d, f);
            if (!d.alive()) { // assign_page refuses a dying domain: the outputs go back
                for (int b : blocks) for (int k = 0; k < 1 << outOrder; k++) t.freed(b + k);
                return Result.OK;
            }
            for (int b : blocks) {
                for (int k = 0; k < 1 << outOrder; k++) {
                    t.setInt(t.ft.owner, b + k, d.id);
                    t.setCountInfo(b + k, FrameTable.countInfo(1, true));
                }
                t.setLong(d.vars, Dom.OWNED, d.vars[Dom.OWNED] + (1L << outOrder));
            }
        }
        return Result.OK;
    }

    /** {@code steal_page} of chunk {@code i}'s frames: the domain's, allocated, no other reference; null if all are stolen. */
    private static Check steal(Txn t, Dom d, List<Long> in, long i, int inChunk, int inOrder, List<Integer> stolen) {
        FrameTable ft = t.ft;
        for (long j = 0; j < 1L << inChunk; j++) {
            long gmfn = in.get((int) ((i << inChunk) + j));
            for (long k = 0; k < 1L << inOrder; k++) {
                long mfn = gmfn + k;
                if (!ft.valid(mfn)) return MEM_EXCHANGE_BAD_FRAME;
                int f = (int) mfn;
                long ci = ft.countInfo.get(f);
                if (ft.owner[f] != d.id || !FrameTable.allocated(ci) || FrameTable.count(ci) != 1) return MEM_EXCHANGE_STEAL;
                t.setCountInfo(f, 0); // no reference, no allocation: a second mention of it fails
                stolen.add(f);
            }
        }
        return null;
    }

    /** {@code count} free aligned blocks of {@code 2^order} frames, lowest first, taken from the heap; null if there are not that many. */
    private static List<Integer> take(Txn t, int order, int count) {
        t.lockHeap();
        Heap heap = t.hv.heap;
        int size = 1 << order;
        List<Integer> blocks = new ArrayList<>();
        for (int b = 0; b + size <= t.ft.owner.length && blocks.size() < count; b += size) {
            boolean free = true;
            for (int k = 0; k < size && free; k++) free = heap.isFree(b + k);
            if (free) blocks.add(b);
        }
        if (blocks.size() < count) return null;
        for (int b : blocks) {
            for (int k = 0; k < size; k++) {
                heap.take(b + k);
                t.j.heapTake(heap, b + k);
            }
        }
        return blocks;
    }

    /** {@code free_domheap_page} of a stolen page: it has no owner, so it is scrubbed (page_alloc.c:2816-2827). */
    private static void freeScrubbed(Txn t, Dom d, int f) {
        FrameTable ft = t.ft;
        t.setTypeInfo(f, 0);
        t.setInt(ft.owner, f, FrameTable.FREE);
        t.setInt(ft.linear, f, 0);
        t.setInt(ft.dataTag, f, FrameTable.FREE);
        t.zeroContents(f);
        TlbOps.forgetFrame(t, f);
        t.setLong(d.vars, Dom.OWNED, d.vars[Dom.OWNED] - 1);
        t.freed(f);
    }
}
