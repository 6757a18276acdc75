package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.config.Symmetry;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Counterexample;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;

/** Each reduction finds the same violations as the unreduced search, at the same (shortest) depth. */
class ReductionSoundnessTest {

    private static CheckReport run(String config, String bug, Options o) {
        CheckConfig cfg = config.equals("small") ? CheckConfig.small() : Checks.load(config);
        Options base = o.withModel(PlantedViolationTest.bug(bug)).withThreads(2);
        return ModelChecker.run(cfg, config.equals("small") ? base.withDepth(1) : base);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "writable-page-table, tiny-pagetables", "leak-on-unpin, tiny-pagetables", "unmap-keeps-reading, tiny-grants",
            "writable-page-table, tiny-domus", "leak-on-unpin, tiny-domus", "user-mode-yield, small"})
    void theIndependenceReductionFindsTheSameCounterexample(String bug, String config) {
        CheckReport plain = run(config, bug, Options.defaults().unreduced());
        CheckReport reduced = run(config, bug, Options.defaults().unreduced().withIndependence(true).withTableMinChildren(2)); // tables wherever they can skip
        assertThat(reduced.status()).isEqualTo(plain.status()).isEqualTo(Status.VIOLATION);
        // The reduction keeps every least shortest path, so the very same trace is reported.
        assertThat(reduced.counterexample().orElseThrow().print()).isEqualTo(plain.counterexample().orElseThrow().print());
        // The violating level is explored only partly, and by fewer executed transitions.
        assertThat(completeLevels(reduced)).isEqualTo(completeLevels(plain));
        if (plain.depth() > 1) assertThat(reduced.skipped()).isPositive();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"unmap-keeps-reading, tiny-grants"})
    void theGrantReferenceSymmetryFindsTheSameViolationsAtTheSameDepth(String bug, String config) {
        CheckReport plain = run(config, bug, Options.defaults().unreduced());
        CheckReport reduced = run(config, bug, Options.defaults().unreduced().withSymmetry(Set.of(Symmetry.GRANT_REFS)));
        assertThat(reduced.reductions()).contains("symmetry of grant references: applied");
        assertSameFinding(plain, reduced);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"writable-page-table", "leak-on-unpin"})
    void theDomUSymmetryFindsTheSameViolationsAtTheSameDepth(String bug) {
        CheckReport plain = run("tiny-domus", bug, Options.defaults().unreduced());
        CheckReport reduced = run("tiny-domus", bug, Options.defaults().unreduced().withSymmetry(Set.of(Symmetry.DOMUS)));
        assertThat(reduced.reductions()).contains("symmetry of domUs: applied");
        assertSameFinding(plain, reduced);
    }

    @Test
    void allReductionsTogetherExploreFewerStatesAndFindNothingNewOnTheCorrectModel() {
        CheckConfig cfg = Checks.load("tiny-domus");
        CheckReport plain = ModelChecker.run(cfg, Options.defaults().unreduced());
        CheckReport reduced = ModelChecker.run(cfg, Options.defaults());
        assertThat(plain.status()).isEqualTo(reduced.status()).isEqualTo(Status.COMPLETE_TO_DEPTH);
        assertThat(reduced.states()).isLessThan(plain.states());
        assertThat(reduced.transitions()).isLessThan(plain.transitions());
    }

    private static java.util.List<Long> completeLevels(CheckReport r) {
        return r.partialLastLevel() ? r.levelSizes().subList(0, r.levelSizes().size() - 1) : r.levelSizes();
    }

    private static void assertSameFinding(CheckReport plain, CheckReport reduced) {
        assertThat(reduced.status()).isEqualTo(plain.status()).isEqualTo(Status.VIOLATION);
        Counterexample a = plain.counterexample().orElseThrow();
        Counterexample b = reduced.counterexample().orElseThrow();
        assertThat(b.depth()).isEqualTo(a.depth());
        assertThat(b.invariants()).isEqualTo(a.invariants());
        assertThat(reduced.states()).isLessThanOrEqualTo(plain.states());
    }
}
