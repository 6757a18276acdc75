package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Result;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;
import pvspec.model.trace.TraceStep;

/**
 * The three properties of {@link Step} itself, over every request kind with garbage arguments
 * from every caller, in several worlds: total (a result, never an exception), atomic (a refusal
 * changes nothing) and deterministic (the same request gives the same outcome).
 */
class StepPropertiesTest {
    private static final List<Caller> CALLERS = List.of(Caller.kernel(0), Caller.kernel(1), Caller.kernel(1, 1), Caller.user(1, 0),
            Caller.kernel(2), new Caller(9, 0, Mode.KERNEL), new Caller(1, 5, Mode.KERNEL));

    private static List<State> worlds() {
        return List.of(State.initial(pvspec.model.state.Config.small()), Fixture.oneGuest(),
                TraceRun.of(Scenarios.trace("destroy-returns-everything")).state(20),
                TraceRun.of(Scenarios.trace("linear-page-tables")).state(14));
    }

    @Test
    void stepIsTotalAtomicAndDeterministic() {
        int refused = 0;
        int done = 0;
        for (State s : worlds()) {
            for (Hypercall h : pvspec.model.trace.SamplesAccess.all()) {
                for (Caller c : CALLERS) {
                    Outcome o = Step.step(s, c, h);
                    assertThat(o.result()).isNotNull();
                    assertThat(Step.step(s, c, h)).as("deterministic").isEqualTo(o);
                    if (refusedWhole(o.result())) {
                        assertThat(o.state()).as("atomic: %s by %s", h, c).isEqualTo(s);
                        refused++;
                    }
                    done++;
                }
            }
        }
        assertThat(refused).as("most garbage is refused").isGreaterThan(done / 2);
    }

    @Test
    void replayingAScenarioGivesTheSameStatesAndResults() {
        for (String name : Scenarios.ALL) {
            TraceRun a = TraceRun.of(Scenarios.trace(name));
            TraceRun b = TraceRun.of(Scenarios.trace(name));
            assertThat(b.states()).isEqualTo(a.states());
            assertThat(b.results()).isEqualTo(a.results());
            assertThat(b.finalState().hashCode()).isEqualTo(a.finalState().hashCode());
        }
    }

    @Test
    void aRefusalSaysWhichRuleItBroke() {
        TraceStep t = Fixture.line(Fixture.oneGuest().config(), "d1: mmuext_op pin_l1_table mfn=7");
        Outcome o = Step.step(Fixture.oneGuest(), t.caller(), t.call());
        assertThat(o.reason()).contains("the frame is not the caller's").contains(Check.MMUEXT_NOT_OWNED.sentence());
        assertThat(o.check()).contains(Check.MMUEXT_NOT_OWNED);
        assertThat(o.check().get().id()).isEqualTo("mm.c:do_mmuext_op:get-page");
        assertThat(Check.MMUEXT_NOT_OWNED.is(pvspec.model.abi.Errno.EINVAL)).isTrue();
        assertThat(Check.MMUEXT_NOT_OWNED.is(pvspec.model.abi.Errno.EBUSY)).isFalse();
        assertThat(Check.GNTTAB_MAP_BAD_DOMAIN.is(pvspec.model.abi.Errno.EINVAL)).isFalse();
        assertThat(Refusal.of(Check.MMUEXT_NOT_OWNED).toString())
                .isEqualTo("EINVAL (mm.c:do_mmuext_op:get-page: the frame is not the caller's)");
    }

    private static boolean refusedWhole(Result r) {
        return r instanceof Result.Err || r instanceof Result.Gnt && !r.succeeded()
                || r instanceof Result.Partial && ((Result.Partial) r).done() == 0;
    }
}
