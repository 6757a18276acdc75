package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aDescriptorPageMappedWritableIsCaught() {
        State t = Fixture.oneGuest("d1: set_gdt frames=4 entries=1 -> OK\n");
        holds("INV-2", t);
        // L1 2 maps frame 4 writable behind the type system's back.
        State u = t.withFrame(2, t.frame(2).withEntry(2, Pte.of(4, PteFlag.P.mask() | PteFlag.RW.mask() | PteFlag.US.mask())));
        assertThat(clauses(broken("INV-2", u, 4L))).contains("INV-2.seg-desc-never-writable");
    }

    @Test
    void aDescriptorPageHoldingAnUncheckedDescriptorIsCaught() {
        State t = Fixture.oneGuest("d1: set_gdt frames=4 entries=1 -> OK\n");
        // A call gate to Xen's own code selector, which check_descriptor refuses.
        State u = t.withFrame(4, t.frame(4).withEntry(0, 0x0000ec00e0080000L));
        assertThat(clauses(broken("INV-2", u, 4L))).contains("INV-2.seg-desc-checked");
        // A code segment at DPL 0: allowed, but Xen stores it at DPL 3.
        State w = t.withFrame(4, t.frame(4).withEntry(0, 0x00af9a000000ffffL));
        assertThat(clauses(broken("INV-2", w, 4L))).contains("INV-2.seg-desc-checked");
        holds("INV-2", t.withFrame(4, t.frame(4).withEntry(0, 0x00affa000000ffffL)));
    }

    private static java.util.List<String> clauses(java.util.List<Violation> vs) {
        return vs.stream().map(v -> v.clause()).toList();
    }
}
