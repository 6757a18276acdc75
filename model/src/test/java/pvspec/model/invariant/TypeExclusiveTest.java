package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/** INV-2 type-exclusive. */
class TypeExclusiveTest {
    private final State s = Fixture.oneGuest();

    @Test
    void holdsInTheStandardWorld() {
        holds("INV-2", s);
    }

    @Test
    void aTypeWithoutTypeReferencesIsCaught() {
        Frame f = s.frame(4);
        broken("INV-2", s.withFrame(4, new Frame(f.owner(), PageType.L1, 0, f.count(), false, true, 0, f.dataTag(), f.contents())), 4L);
    }

    @Test
    void moreTypeReferencesThanReferencesIsCaught() {
        broken("INV-2", s.withFrame(3, s.frame(3).withType(PageType.WRITABLE, 5)), 3L);
    }

    @Test
    void aPinnedFrameThatIsNotATableIsCaught() {
        broken("INV-2", s.withFrame(4, s.frame(4).withPinned(true)), 4L);
    }

    @Test
    void aFrameUsedAsWritableAndAsAPageTableIsCaught() {
        // Frame 3 is mapped writable by L1 2; an L2 entry now also uses it as an L1.
        State t = s.withFrame(1, s.frame(1).withEntry(1, Pte.make(3, PteFlag.P, PteFlag.US)));
        broken("INV-2", t, 3L);
    }
}
