package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MEMORY_TOO_MANY;
import static pvspec.model.abi.check.Check.MEMORY_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.MEMORY_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.MEMORY_STAT_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.MEMORY_STAT_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.MEMORY_UNKNOWN_COMMAND;
import static pvspec.model.rules.Refusal.require;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/**
 * {@code memory_op} ({@code memory.c:do_memory_op}): {@code populate_physmap} gives a domain free
 * frames (lowest first, up to its {@code max_pages}); {@code decrease_reservation} takes them
 * back. A returned frame drops only its allocation reference: it is freed when its last
 * reference goes, not before. Both return how many extents were done, as Xen does: a check that
 * fails before the first extent (no such domain, not permitted, a count too large to encode a
 * continuation) returns 0, with nothing changed.
 */
final class MemoryOpRules {
    private MemoryOpRules() {}

    /** {@code UINT_MAX >> MEMOP_EXTENT_SHIFT}. */
    static final long MAX_EXTENTS = 0xFFFFFFFFL >>> 6;


    static Outcome apply(State s, Caller c, MemoryOp h) {
        return h.accept(new MemoryOp.Visitor<>() {
            @Override
            public Outcome populatePhysmap(MemoryOp.PopulatePhysmap p) {
                require(p.count() >= 0 && p.count() <= MAX_EXTENTS, MEMORY_TOO_MANY);
                return populate(s, target(s, c, p.dom()), p.count());
            }

            @Override
            public Outcome decreaseReservation(MemoryOp.DecreaseReservation d) {
                return decrease(s, target(s, c, d.dom()), d.mfns());
            }

            @Override
            public Outcome maximumReservation(MemoryOp.MaximumReservation m) {
                return Outcome.of(s, Result.value(s.dom(statTarget(s, c, m.dom())).maxPages()));
            }

            @Override
            public Outcome currentReservation(MemoryOp.CurrentReservation m) {
                return Outcome.of(s, Result.value(Frames.ownedBy(s, statTarget(s, c, m.dom()))));
            }

            @Override
            public Outcome exchange(MemoryOp.Exchange x) {
                return MemoryExchange.apply(s, c, x);
            }

            @Override
            public Outcome unknown(MemoryOp.Unknown x) {
                throw Refusal.of(MEMORY_UNKNOWN_COMMAND);
            }
        });
    }

    private static int target(State s, Caller c, int domArg) {
        int dom = DomId.resolve(domArg & 0xFFFF, c);
        require(s.domains().containsKey(dom), MEMORY_NO_SUCH_DOMAIN);
        require(dom == c.domain() || s.dom(c.domain()).privileged(), MEMORY_NOT_PERMITTED);
        return dom;
    }

    /**
     * The reservation queries ({@code memory.c:1649-1689}): the domain lookup, then
     * {@code xsm_memory_stat_reservation} (XSM_TARGET); both refusals are error codes.
     * {@code domain_tot_pages} is {@code tot_pages} (no {@code extra_pages} for a PV guest): every
     * frame the domain owns until it is freed, as {@link #populate} counts it.
     */
    private static int statTarget(State s, Caller c, int domArg) {
        int dom = DomId.resolve(domArg & 0xFFFF, c);
        require(s.domains().containsKey(dom), MEMORY_STAT_NO_SUCH_DOMAIN);
        require(dom == c.domain() || s.dom(c.domain()).privileged(), MEMORY_STAT_NOT_PERMITTED);
        return dom;
    }

    /**
     * {@code populate_physmap}: one frame per extent until {@code assign_pages} refuses: the
     * domain is dying, or it already owns {@code max_pages} frames ({@code tot_pages} counts
     * every frame it owns, given back or not, until the frame is freed).
     */
    private static Outcome populate(State s, int dom, long count) {
        long allowed = s.dom(dom).alive() ? s.dom(dom).maxPages() - Frames.ownedBy(s, dom) : 0;
        List<Long> given = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size() && given.size() < count && given.size() < allowed; mfn++) {
            if (!s.frame(mfn).isFree()) continue;
            s = s.withFrame(mfn, Frames.assign(s.frame(mfn), dom));
            given.add((long) mfn);
        }
        return Outcome.of(s, new Result.Extents(given));
    }

    /**
     * {@code decrease_reservation} through {@code guest_remove_page}: stops at the first frame
     * that is not the domain's ({@code get_page} fails); a frame already given back but still
     * referenced counts as done.
     */
    private static Outcome decrease(State s, int dom, List<Long> mfns) {
        int done = 0;
        for (long mfn : mfns) {
            if (!s.validMfn(mfn) || s.frame(mfn).owner() != dom) break;
            Frame f = s.frame(mfn);
            if (f.allocated()) s = PageTypes.putPage(s.withFrame(mfn, f.withAllocated(false)), mfn);
            done++;
        }
        return Outcome.of(s, Result.value(done));
    }
}
