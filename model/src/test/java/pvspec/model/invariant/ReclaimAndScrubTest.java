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
    void aFreeFrameWithDataIsCaught() {
        broken("INV-7", s.withFrame(12, s.frame(12).withDataTag(1)), 12L);
        broken("INV-7", s.withFrame(12, s.frame(12).withEntry(0, 5)), 12L);
    }

    @Test
    void aFrameHoldingAnotherDomainsDataIsCaught() {
        broken("INV-7", s.withFrame(7, s.frame(7).withDataTag(1)), 7L);
    }
}
