package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Result;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Implementation;
import pvspec.checker.config.Options;
import pvspec.checker.config.Request;
import pvspec.checker.config.StepFunction;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Divergence;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.search.Scenario;

/** Conformance mode compares an implementation with the model on every transition and reports the first divergence by a shortest trace. */
class ConformanceTest {

    @Test
    void theModelConformsToItself() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-grants"),
                Options.defaults().withImplementation(() -> Implementation.of(StepFunction.MODEL)));
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.conformance()).isTrue();
        assertThat(r.summary()).contains("every executed transition matched the model");
    }

    @Test
    void conformanceModeComparesEveryTransition() {
        CheckReport plain = ModelChecker.run(Checks.load("tiny-grants"), Options.defaults().withIndependence(false));
        CheckReport conform = ModelChecker.run(Checks.load("tiny-grants"),
                Options.defaults().withImplementation(() -> Implementation.of(StepFunction.MODEL)));
        assertThat(conform.skipped()).isZero();
        assertThat(conform.transitions()).isEqualTo(plain.transitions());
        assertThat(conform.reductions()).contains("independence: off (conformance mode compares every transition)");
    }

    @Test
    void aWrongResultIsADivergenceWithTheModelsResultInTheTrace() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withImplementation(() -> BrokenImplementations.REFUSES_PIN_L1));
        Divergence d = r.divergence().orElseThrow();
        assertThat(r.status()).isEqualTo(Status.DIVERGENCE);
        assertThat(r.complete()).isFalse();
        assertThat(d.depth()).isEqualTo(naiveDivergenceDepth(Checks.load("tiny-pagetables"), BrokenImplementations.REFUSES_PIN_L1, 10));
        assertThat(d.modelResult()).isEqualTo(Result.OK);
        assertThat(d.implementationResult()).isEqualTo(new Result.Partial(Errno.EINVAL, 0));
        assertThat(d.print()).contains("mmuext_op pin_l1_table").contains("-> OK");
    }

    @Test
    void aWrongStateIsADivergenceThatNamesTheDifference() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-grants"), Options.defaults().withImplementation(() -> BrokenImplementations.GRANTS_EVERYTHING_WRITABLE));
        Divergence d = r.divergence().orElseThrow();
        assertThat(d.depth()).isEqualTo(1);
        assertThat(d.modelResult()).isEqualTo(d.implementationResult());
        assertThat(d.stateDifferences()).singleElement().asString().startsWith("d1 grants[0] flags: "); // StateDiff names the field (StateShape)
    }

    @Test
    void aDeepDivergenceIsFoundByAShortestTrace() {
        CheckConfig cfg = Checks.load("tiny-grants");
        CheckReport r = ModelChecker.run(cfg, Options.defaults().withImplementation(() -> BrokenImplementations.UNMAP_KEEPS_TRANSLATION));
        Divergence d = r.divergence().orElseThrow();
        assertThat(d.depth()).isEqualTo(naiveDivergenceDepth(cfg, BrokenImplementations.UNMAP_KEEPS_TRANSLATION, 10)).isEqualTo(4);
        assertThat(d.stateDifferences()).singleElement().asString().startsWith("d2 vcpus[0] tlb: ");
        assertThat(d.trace().steps().get(d.trace().steps().size() - 1).call().kind()).isEqualTo("grant_table_op unmap_grant_ref");
    }

    @Test
    void eachWorkerGetsItsOwnImplementation() {
        List<Implementation> made = new ArrayList<>();
        ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withThreads(3).withImplementation(() -> {
            Implementation i = Implementation.of(StepFunction.MODEL);
            synchronized (made) {
                made.add(i);
            }
            return i;
        }));
        assertThat(made).hasSize(3);
    }

    /** Breadth-first, every transition compared, no reductions: the depth of the first divergence. */
    static int naiveDivergenceDepth(CheckConfig cfg, Implementation impl, int bound) {
        List<State> level = List.of(Scenario.finalState(cfg.scenario(), StepFunction.MODEL));
        Set<State> seen = new HashSet<>(level);
        for (int depth = 1; depth <= bound; depth++) {
            List<State> next = new ArrayList<>();
            for (State s : level) {
                for (Request r : cfg.requests().all()) {
                    Outcome o = Step.step(s, r.caller(), r.call());
                    Implementation.Observed seenByImpl = impl.run(s, r.caller(), r.call());
                    if (!seenByImpl.result().equals(o.result()) || !seenByImpl.state().equals(o.state())) return depth;
                    if (seen.add(o.state())) next.add(o.state());
                }
            }
            level = next;
        }
        return -1;
    }
}
