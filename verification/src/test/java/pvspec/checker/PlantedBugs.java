package pvspec.checker;

import pvspec.checker.config.StepFunction;
import pvspec.model.abi.Access;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;

/** Variants of the model with one broken rule each: what the checker must find. */
final class PlantedBugs {
    private PlantedBugs() {}

    /** XSA-148-like: a writable entry refused because its frame is a page table is written anyway. */
    static final StepFunction WRITABLE_PAGE_TABLE = (s, c, h) -> {
        Outcome o = Step.step(s, c, h);
        if (h instanceof MmuUpdate && ((MmuUpdate) h).requests().size() == 1 && o.result().equals(new Result.Partial(Errno.EBUSY, 0))) {
            MmuUpdate.Request r = ((MmuUpdate) h).requests().get(0);
            if (Pte.writable(r.val())) return Outcome.of(s.withFrame(r.mfn(), s.frame(r.mfn()).withEntry((int) r.index(), r.val())), Result.OK);
        }
        return o;
    };

    /** A reference-count leak: unpinning leaves the general count one too high. */
    static final StepFunction LEAK_ON_UNPIN = (s, c, h) -> {
        Outcome o = Step.step(s, c, h);
        if (h instanceof MmuextOp && ((MmuextOp) h).ops().get(0) instanceof MmuextOp.Unpin && o.result().succeeded()) {
            long mfn = ((MmuextOp.Unpin) ((MmuextOp) h).ops().get(0)).mfn();
            Frame f = o.state().frame(mfn);
            return Outcome.of(o.state().withFrame(mfn, f.withCount(f.count() + 1)), o.result());
        }
        return o;
    };

    /** XSA-213-like: a user-mode yield is accepted (a step-level violation: the state does not change). */
    static final StepFunction USER_MODE_YIELD = (s, c, h) ->
            c.isUser() && h instanceof SchedOp.Yield && s.domains().containsKey(c.domain()) ? Outcome.of(s, Result.OK) : Step.step(s, c, h);

    /** Unmapping a grant leaves its entry marked as being read: detectable only after grant, map, unmap. */
    static final StepFunction UNMAP_KEEPS_READING = (s, c, h) -> {
        Outcome o = Step.step(s, c, h);
        if (h instanceof GrantTableOp.UnmapGrantRef && o.result().equals(Result.gnt(Gntst.GNTST_okay))) {
            GrantTableOp.UnmapGrantRef u = (GrantTableOp.UnmapGrantRef) h;
            int granter = s.dom(c.domain()).maptrack().get(u.handle()).dom();
            int ref = s.dom(c.domain()).maptrack().get(u.handle()).ref();
            Domain g = o.state().dom(granter);
            GrantEntry e = g.grants().get(ref);
            return Outcome.of(o.state().withDomain(g.withGrant(ref, e.withFlags(e.flags() | GrantEntry.GTF_reading))), o.result());
        }
        return o;
    };

    /** Not total: reading one address throws. */
    static final StepFunction THROWS_ON_READ = (s, c, h) -> {
        if (h instanceof Access && !((Access) h).write() && ((Access) h).va() == 1) throw new IllegalStateException("planted");
        return Step.step(s, c, h);
    };
}
