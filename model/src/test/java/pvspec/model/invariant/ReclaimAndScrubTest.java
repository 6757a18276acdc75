package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** INV-7 reclaim-and-scrub. */
class ReclaimAndScrubTest {
    private final State s = Fixture.oneGuest("d1: access write va=0.0 -> OK\n");

    @Test
    void holdsWhenFramesAreReused() {
        for (State t : TraceRun.of(Scenarios.trace("decrease-while-mapped")).states()) holds("INV-7", t);
    }

    @Test
    void aFreeFrameWithACountIsCaught() {
        broken("INV-7", s.withFrame(12, s.frame(12).withCount(1)), 12L);
    }

    /** Xen does not scrub what a live domain gives back: no violation. */
    @Test
    void aLiveDomainsFreedDataIsAllowed() {
        holds("INV-7", s.withFrame(12, s.frame(12).withDataTag(1)));
        holds("INV-7", s.withFrame(7, s.frame(7).withDataTag(1)));
    }

    @Test
    void aFrameLeavingADyingDomainUnscrubbedIsCaught() {
        State dying = s.withDomain(s.dom(1).withLife(pvspec.model.state.Lifecycle.DYING));
        State after = dying.withFrame(3, pvspec.model.state.Frame.free(4).withDataTag(1));
        var v = new ReclaimAndScrub().checkStep(s, pvspec.model.abi.Caller.kernel(0), new pvspec.model.abi.Domctl.DestroyDomain(1),
                pvspec.model.abi.Result.OK, Facts.of(after));
        org.assertj.core.api.Assertions.assertThat(v).isNotEmpty();
        State clean = dying.withFrame(3, pvspec.model.state.Frame.free(4));
        org.assertj.core.api.Assertions.assertThat(new ReclaimAndScrub().checkStep(s, pvspec.model.abi.Caller.kernel(0),
                new pvspec.model.abi.Domctl.DestroyDomain(1), pvspec.model.abi.Result.OK, Facts.of(clean))).isEmpty();
    }
}
