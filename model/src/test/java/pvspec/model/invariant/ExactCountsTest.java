package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** INV-6 exact-counts. */
class ExactCountsTest {
    private final State s = Fixture.oneGuest();

    @Test
    void holdsThroughoutEveryScenario() {
        for (String name : Scenarios.ALL) for (State t : TraceRun.of(Scenarios.trace(name)).states()) holds("INV-6", t);
    }

    @Test
    void oneReferenceTooManyIsCaught() {
        broken("INV-6", s.withFrame(3, s.frame(3).withCount(s.frame(3).count() + 1)), 3L);
    }

    @Test
    void oneReferenceTooFewIsCaught() {
        broken("INV-6", s.withFrame(2, s.frame(2).withCount(s.frame(2).count() - 1)), 2L);
    }

    @Test
    void aWrongTypeCountIsCaught() {
        broken("INV-6", s.withFrame(1, s.frame(1).withType(PageType.L2, 1)), 1L);
    }

    @Test
    void aWrongLinearCountIsCaught() {
        broken("INV-6", s.withFrame(1, s.frame(1).withLinearCount(1)), 1L);
    }
}
