package pvspec.model.rules;

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
import static pvspec.model.rules.Refusal.require;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/**
 * {@code XENMEM_exchange} ({@code memory.c:memory_exchange}, 663-952): the argument checks
 * (XSA-212: {@code nr_exchanged} and the list sizes), then chunk by chunk: steal the input
 * frames, allocate the output ones, free the inputs (scrubbed: they have no owner any more,
 * page_alloc.c:2816-2827) and assign the outputs. A chunk is all or nothing; the chunks before a
 * failed one stay exchanged, and {@code nr_exchanged} says how many input extents were.
 *
 * <p>Results: 0 on success (the new frames, which Xen writes to a PV guest's output list, are
 * the ones the domain now owns: the model has no guest memory); {@code ERRNO done=N} for a
 * failure in the loop, N the input extents now exchanged ({@code nr_exchanged}); a plain error
 * before it (Xen copies {@code nr_exchanged} back unchanged).
 * Representation: the guest handles are values, so {@code guest_handle_subrange_okay} (EFAULT,
 * 706-736) and the copies never fault; {@code mem_flags} is 0 ({@code propagate_node}, 739-743);
 * preemption is not modelled (Xen continues the call: the same end state). Output blocks are
 * the lowest aligned free ones (the model's allocation rule).
 */
final class MemoryExchange {
    private MemoryExchange() {}

    /** {@code max_order}: {@code domu_max_order} = PAGETABLE_ORDER, the control domain's {@code min(ctldom, MAX_ORDER)} = 18. */
    static int maxOrder(State s, Caller c) {
        return s.dom(c.domain()).privileged() ? 18 : 9;
    }

    static Outcome apply(State s, Caller c, MemoryOp.Exchange x) {
        long inNr = x.in().size();
        require(Math.max(Integer.toUnsignedLong(x.inOrder()), Integer.toUnsignedLong(x.outOrder())) <= maxOrder(s, c), MEM_EXCHANGE_ORDER);
        require(Long.compareUnsigned(x.nrExchanged(), inNr) <= 0, MEM_EXCHANGE_NR_EXCHANGED);
        require((x.dom() & 0xFFFF) == (x.outDom() & 0xFFFF), MEM_EXCHANGE_DOMID);
        require(Long.compareUnsigned(-1L >>> x.inOrder(), inNr) >= 0 && Long.compareUnsigned(-1L >>> x.outOrder(), x.outNrExtents()) >= 0, MEM_EXCHANGE_OVERFLOW);
        require(inNr << x.inOrder() == x.outNrExtents() << x.outOrder(), MEM_EXCHANGE_SIZES);
        if (x.nrExchanged() == inNr) return Outcome.of(s, Result.OK);
        int d = DomId.resolve(x.dom() & 0xFFFF, c);
        require(s.domains().containsKey(d), MEM_EXCHANGE_NO_DOMAIN);
        require(PgOwner.xsmTarget(s, c, d), MEM_EXCHANGE_NOT_PERMITTED);
        // memory.c:713-730: a chunk is one output extent's worth of input, or one input extent.
        int inChunk = Math.max(0, x.outOrder() - x.inOrder());
        int outChunk = Math.max(0, x.inOrder() - x.outOrder());
        // Frames this call freed are not handed out again by it (the hypervisor returns them to
        // the heap when the call ends; Xen's allocator may or may not pick them: no guarantee).
        List<Long> freedHere = new ArrayList<>();
        long first = x.nrExchanged() >>> inChunk;
        for (long i = first; i < inNr >>> inChunk; i++) {
            List<Long> stolen = new ArrayList<>();
            Optional<Check> failed = steal(s, d, x, i, inChunk, stolen);
            List<Long> blocks = failed.isPresent() ? List.of() : allocate(s, freedHere, x.outOrder(), 1 << outChunk);
            if (failed.isEmpty() && blocks.isEmpty()) failed = Optional.of(MEM_EXCHANGE_NO_MEMORY);
            // fail (memory.c:921-945): the chunk's stolen frames go back as they were; the state
            // so far holds the chunks before it.
            if (failed.isPresent()) return new Outcome(s, new Result.Partial(failed.get().errno(), (int) (i << inChunk)), failed);
            for (long mfn : stolen) s = freeScrubbed(s, mfn);
            freedHere.addAll(stolen);
            // assign_page fails for a dying domain (memory.c:867-896): the outputs are freed, the
            // inputs are gone, and the call returns 0 with the chunks before this one exchanged.
            if (!s.dom(d).alive()) return Outcome.of(s, Result.OK);
            // (The outputs of a dying domain's chunk were never taken from the free pool here.)
            for (long b : blocks) {
                for (long k = 0; k < 1L << x.outOrder(); k++) s = s.withFrame(b + k, Frames.assign(s.frame(b + k), d));
            }
        }
        return Outcome.of(s, Result.OK);
    }

    /**
     * The input frames of chunk {@code i}, stolen in Xen's order (memory.c:776-830): each must be
     * a frame (mfn_valid) the domain owns with only its allocation reference ({@code steal_page}:
     * count 2 with the reference it takes, PGC_allocated; not Xen's). The first failure is returned.
     */
    private static Optional<Check> steal(State s, int d, MemoryOp.Exchange x, long i, int inChunk, List<Long> stolen) {
        Set<Long> taken = new HashSet<>();
        for (long j = 0; j < 1L << inChunk; j++) {
            long gmfn = x.in().get((int) ((i << inChunk) + j));
            for (long k = 0; k < 1L << x.inOrder(); k++) {
                long mfn = gmfn + k;
                if (!s.validMfn(mfn)) return Optional.of(MEM_EXCHANGE_BAD_FRAME);
                Frame f = s.frame(mfn);
                if (f.owner() != d || !f.allocated() || f.count() != 1 || taken.contains(mfn)) return Optional.of(MEM_EXCHANGE_STEAL);
                taken.add(mfn);
                stolen.add(mfn);
            }
        }
        return Optional.empty();
    }

    /** {@code count} free blocks of {@code 2^order} frames outside {@code busy}, each aligned, lowest first; none if there are not that many. */
    static List<Long> allocate(State s, List<Long> busy, int order, int count) {
        List<Long> blocks = new ArrayList<>();
        long size = 1L << order;
        for (long b = 0; b + size <= s.frames().size() && blocks.size() < count; b += size) {
            boolean free = true;
            for (long k = 0; k < size && free; k++) free = s.frame(b + k).isFree() && !busy.contains(b + k);
            if (free) blocks.add(b);
        }
        return blocks.size() == count ? blocks : List.of();
    }

    /** {@code free_domheap_page} of a page with no owner: scrubbed (page_alloc.c:2816-2827). */
    private static State freeScrubbed(State s, long mfn) {
        return Tlbs.forgetFrame(s.withFrame(mfn, Frame.free(s.config().entries())), mfn);
    }
}
