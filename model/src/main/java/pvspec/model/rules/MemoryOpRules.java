package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MEMORY_BAD_COUNT;
import static pvspec.model.abi.check.Check.MEMORY_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.MEMORY_NO_SUCH_DOMAIN;
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
 * {@code memory_op}: {@code populate_physmap} gives a domain free frames (lowest first, up to
 * its {@code max_pages}); {@code decrease_reservation} takes them back. A returned frame drops
 * only its allocation reference: it is freed (and scrubbed) when its last reference goes, not
 * before. Both return how many extents were done, as Xen does.
 *
 * <p>Where Xen returns "0 done" for an unknown domain or a privilege failure, pvspec returns the
 * error code, so that a refusal is distinguishable from no work; the state is unchanged either way.
 */
final class MemoryOpRules {
    private MemoryOpRules() {}


    static Outcome apply(State s, Caller c, MemoryOp h) {
        return h.accept(new MemoryOp.Visitor<>() {
            @Override
            public Outcome populatePhysmap(MemoryOp.PopulatePhysmap p) {
                int dom = target(s, c, p.dom());
                require(p.count() >= 0, MEMORY_BAD_COUNT);
                return populate(s, dom, p.count());
            }

            @Override
            public Outcome decreaseReservation(MemoryOp.DecreaseReservation d) {
                return decrease(s, target(s, c, d.dom()), d.mfns());
            }

            @Override
            public Outcome unknown(MemoryOp.Unknown x) {
                throw Refusal.of(MEMORY_UNKNOWN_COMMAND);
            }
        });
    }

    private static int target(State s, Caller c, int domArg) {
        int dom = DomId.resolve(domArg, c);
        require(s.isAlive(dom), MEMORY_NO_SUCH_DOMAIN);
        require(dom == c.domain() || s.dom(c.domain()).privileged(), MEMORY_NOT_PERMITTED);
        return dom;
    }

    private static Outcome populate(State s, int dom, long count) {
        long allowed = s.dom(dom).maxPages() - Frames.allocatedTo(s, dom);
        List<Long> given = new ArrayList<>();
        int entries = s.config().entries();
        for (int mfn = 0; mfn < s.frames().size() && given.size() < count && given.size() < allowed; mfn++) {
            if (!s.frame(mfn).isFree()) continue;
            s = s.withFrame(mfn, Frame.allocated(dom, entries));
            given.add((long) mfn);
        }
        return Outcome.of(s, new Result.Extents(given));
    }

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
