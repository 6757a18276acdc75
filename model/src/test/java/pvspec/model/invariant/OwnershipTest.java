package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.DomId;
import pvspec.model.state.Frame;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/** INV-1 ownership. */
class OwnershipTest {
    private final State s = Fixture.oneGuest();

    @Test
    void holdsInTheStandardWorld() {
        holds("INV-1", s);
    }

    @Test
    void aFreeFrameWithReferencesIsCaught() {
        broken("INV-1", s.withFrame(12, s.frame(12).withCount(1)), 12L);
    }

    @Test
    void anOwnedFrameWithNoReferencesIsCaught() {
        broken("INV-1", s.withFrame(4, s.frame(4).withCount(0).withAllocated(false)), 4L);
    }

    @Test
    void anAllocatedFrameWithoutCountIsCaught() {
        broken("INV-1", s.withFrame(4, s.frame(4).withCount(0)), 4L);
    }

    @Test
    void aFrameOfADomainThatDoesNotExistIsCaught() {
        broken("INV-1", s.withFrame(12, Frame.allocated(9, 4)), 12L);
    }

    @Test
    void theHypervisorsFramesAreExactlyTheLowest() {
        broken("INV-1", s.withFrame(12, Frame.xen(4)), 12L);
        broken("INV-1", s.withFrame(0, Frame.free(4)), 0L);
        holds("INV-1", s.withFrame(12, new Frame(DomId.DOMID_INVALID, pvspec.model.state.PageType.NONE, 0, 0, false, false, 0, DomId.DOMID_INVALID, s.frame(12).contents())));
    }

    @Test
    void aNegativeCountIsCaught() {
        broken("INV-1", s.withFrame(4, s.frame(4).withCount(-1)), 4L);
    }
}
