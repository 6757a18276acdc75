package pvspec.model.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import pvspec.model.state.State;

/** Assertions that an invariant holds, or is broken and says so under its own id. */
final class InvariantAssert {
    private InvariantAssert() {}

    static void holds(String id, State s) {
        assertThat(Invariants.byId(id).check(s)).as(id).isEmpty();
    }

    /** {@code id} reports a violation naming itself, mentioning {@code frameOrNull} if given. */
    static List<Violation> broken(String id, State s, Long frame) {
        List<Violation> v = Invariants.byId(id).check(s);
        assertThat(v).as(id + " must catch this state").isNotEmpty();
        assertThat(v).allSatisfy(x -> assertThat(x.invariant()).isEqualTo(id));
        if (frame != null) assertThat(v).anySatisfy(x -> assertThat(x.frames()).contains(frame));
        return v;
    }
}
