package pvspec.checker.reduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.config.StepFunction;
import pvspec.checker.config.Symmetry;
import pvspec.checker.report.CheckReport;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.search.Scenario;
import pvspec.checker.store.ByteSink;
import pvspec.checker.store.Renaming;
import pvspec.checker.Checks;
import pvspec.checker.store.StateRenamer;

/**
 * Why the domU symmetry is restricted: with lowest-free allocation, swapping two domUs (with
 * their frames) merges states the model tells apart.
 */
class DomUSymmetryTest {

    /** d1 and d2 exchanged, with d1's frames 1..3 and d2's 4..6 (the mirror configuration). */
    private static final Renaming MIRROR = new Renaming(new int[] {0, 2, 1}, new int[] {0, 4, 5, 6, 1, 2, 3, 7}, null);

    @Test
    void naiveDomUSymmetryMergesStatesTheModelDistinguishes() {
        CheckConfig cfg = Checks.load("mirror");
        State root = Scenario.finalState(cfg.scenario(), StepFunction.MODEL);
        // dom0 offers a port to d1, or (the mirror image) to d2.
        State toD1 = Step.step(root, Caller.kernel(0), new EventChannelOp.AllocUnbound(0, 1)).state();
        State toD2 = Step.step(root, Caller.kernel(0), new EventChannelOp.AllocUnbound(0, 2)).state();
        assertThat(StateRenamer.rename(toD1, MIRROR)).isEqualTo(toD2);
        assertThat(key(new Canonicalizer(cfg.config(), false, true), toD1)).isEqualTo(key(new Canonicalizer(cfg.config(), false, true), toD2));

        // Destroy both domUs and create one: it gets id 1 either way, and inherits the stale offer only if it was made to 1.
        List<Caller> callers = List.of(Caller.kernel(0), Caller.kernel(0), Caller.kernel(0), Caller.kernel(0), Caller.kernel(1));
        List<Hypercall> calls = List.of(new Domctl.DestroyDomain(1), new Domctl.DestroyDomain(2), new Domctl.CreateDomain(0, 1),
                new Domctl.UnpauseDomain(1), new EventChannelOp.BindInterdomain(0, 1));
        RequestRenamer mirror = new RequestRenamer(MIRROR, cfg.config());
        List<Result> fromD1 = run(toD1, callers, calls, null);
        List<Result> fromD2 = run(toD2, callers, calls, mirror);
        assertThat(fromD1).containsExactly(Result.OK, Result.OK, Result.value(1), Result.OK, Result.value(1));
        // A sound symmetry would give the mirror image of these results: 2 from createdomain, then a bound port.
        assertThat(fromD2.get(2)).isEqualTo(Result.value(1));
        assertThat(fromD2.get(4)).isNotEqualTo(Result.value(1));
    }

    @Test
    void theDomUSymmetryIsNotAppliedWhereFramesAndIdsAreReused() {
        CheckReport r = ModelChecker.run(CheckConfig.small(), Options.defaults().withDepth(0).withSymmetry(Set.of(Symmetry.DOMUS)));
        assertThat(r.reductions()).anyMatch(s -> s.startsWith("symmetry of domUs: not applied (frames and domain ids can return to the free pool"));
    }

    @Test
    void theDomUSymmetryIsAppliedWhereNothingReturnsToTheFreePool() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-domus"), Options.defaults().withDepth(1));
        assertThat(r.reductions()).contains("symmetry of domUs: applied");
    }

    private static List<Result> run(State s, List<Caller> callers, List<Hypercall> calls, RequestRenamer renamer) {
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Caller c = renamer == null ? callers.get(i) : renamer.caller(callers.get(i));
            Hypercall h = renamer == null ? calls.get(i) : renamer.call(callers.get(i), calls.get(i));
            var o = Step.step(s, c, h);
            out.add(o.result());
            s = o.state();
        }
        return out;
    }

    private static String key(Canonicalizer c, State s) {
        ByteSink out = new ByteSink();
        c.key(s, out, new ByteSink());
        return java.util.Arrays.toString(out.toArray());
    }
}
