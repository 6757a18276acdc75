package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.config.StepFunction;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Counterexample;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;

/** Model variants with a broken rule: the checker finds each with a shortest, replayable trace. */
class PlantedViolationTest {

    static StepFunction bug(String name) {
        switch (name) {
            case "writable-page-table": return PlantedBugs.WRITABLE_PAGE_TABLE;
            case "leak-on-unpin": return PlantedBugs.LEAK_ON_UNPIN;
            case "user-mode-yield": return PlantedBugs.USER_MODE_YIELD;
            case "unmap-keeps-reading": return PlantedBugs.UNMAP_KEEPS_READING;
            default: throw new IllegalArgumentException(name);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "writable-page-table, tiny-pagetables, INV-6",
            "leak-on-unpin, tiny-pagetables, INV-6",
            "unmap-keeps-reading, tiny-grants, INV-12",
            "writable-page-table, small, INV-5",
            "user-mode-yield, small, INV-10"})
    void aPlantedBugIsFoundWithAShortestTrace(String bug, String config, String invariant) {
        CheckConfig cfg = config.equals("small") ? CheckConfig.small() : Checks.load(config);
        int bound = config.equals("small") ? 1 : 10;
        NaiveSearch.Result naive = NaiveSearch.run(cfg, bug(bug), bound);
        CheckReport r = ModelChecker.run(cfg, Options.defaults().withModel(bug(bug)).withDepth(bound).withThreads(2));

        assertThat(r.status()).isEqualTo(Status.VIOLATION);
        assertThat(r.complete()).isFalse();
        Counterexample c = r.counterexample().orElseThrow();
        assertThat(c.depth()).isEqualTo(naive.violationDepth()).isEqualTo(r.depth());
        assertThat(c.invariants()).contains(invariant);
        assertThat(naive.invariants()).containsAll(c.invariants());
        assertReplays(c, bug(bug));
    }

    @Test
    void theReportNamesTheFramesInvolved() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withModel(PlantedBugs.LEAK_ON_UNPIN));
        Counterexample c = r.counterexample().orElseThrow();
        assertThat(c.frames()).isNotEmpty();
        assertThat(c.print()).startsWith("# Counterexample: INV-6").contains("# frames involved: ").contains("mmuext_op unpin_table");
        assertThat(r.summary()).contains("VIOLATION of INV-6");
    }

    @Test
    void aStepThatThrowsIsReportedAsNotTotal() {
        CheckReport r = ModelChecker.run(Checks.load("tiny-pagetables"), Options.defaults().withModel(PlantedBugs.THROWS_ON_READ));
        Counterexample c = r.counterexample().orElseThrow();
        assertThat(c.invariants()).containsExactly("step-total");
        assertThat(c.trace().steps().get(c.trace().steps().size() - 1).call().kind()).isEqualTo("access read");
    }

    @Test
    void aStepThatThrowsOnlyDeeperDownIsReportedTooWithTheIndependenceReduction() {
        // Reading 0.1 throws, and is reachable only after the guest built an address space (depth >= 2).
        CheckConfig cfg = Checks.load("tiny-pagetables");
        StepFunction deep = (s, c, h) -> s.domains().containsKey(1) && s.dom(1).vcpu(0).hasBaseptr() ? PlantedBugs.THROWS_ON_READ.step(s, c, h) : pvspec.model.rules.Step.step(s, c, h);
        CheckReport r = ModelChecker.run(cfg, Options.defaults().withModel(deep).withThreads(2));
        assertThat(r.counterexample().orElseThrow().invariants()).containsExactly("step-total");
        assertThat(r.depth()).isGreaterThan(1);
    }

    @Test
    void theCounterexampleTextParsesBackToTheSameTrace() throws Exception {
        CheckReport r = ModelChecker.run(Checks.load("tiny-grants"), Options.defaults().withModel(PlantedBugs.UNMAP_KEEPS_READING));
        Counterexample c = r.counterexample().orElseThrow();
        Trace parsed = Trace.parse("cex", c.print());
        assertThat(parsed.steps()).hasSameSizeAs(c.trace().steps());
        for (int i = 0; i < parsed.steps().size(); i++) {
            assertThat(parsed.steps().get(i).call()).isEqualTo(c.trace().steps().get(i).call());
            assertThat(parsed.steps().get(i).caller()).isEqualTo(c.trace().steps().get(i).caller());
        }
        assertReplays(new Counterexample(parsed, c.scenarioSteps(), c.violations()), PlantedBugs.UNMAP_KEEPS_READING);
    }

    /** Every step gets its expected result on {@code model}, nothing breaks before the last step, and the last one breaks it. */
    static void assertReplays(Counterexample c, StepFunction model) {
        State s = State.initial(c.trace().config());
        List<TraceStep> steps = c.trace().steps();
        for (int i = 0; i < steps.size(); i++) {
            TraceStep step = steps.get(i);
            Outcome o = model.step(s, step.caller(), step.call());
            if (i >= c.scenarioSteps()) assertThat(step.expect()).hasValueSatisfying(e -> assertThat(e.matches(o.result())).isTrue());
            List<Violation> v = Invariants.checkStep(s, step.caller(), step.call(), o.result(), o.state());
            if (i < steps.size() - 1) assertThat(v).isEmpty();
            else assertThat(v).isEqualTo(c.violations());
            s = o.state();
        }
    }
}
