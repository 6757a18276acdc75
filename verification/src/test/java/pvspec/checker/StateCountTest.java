package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pvspec.model.state.State;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.config.Symmetry;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;

/** The checker's state counts on tiny configurations, against {@link NaiveSearch}'s. */
class StateCountTest {

    /** The orbit of a state is computed once per distinct state. */
    private static Function<State, Object> memo(Function<State, Object> f) {
        Map<State, Object> cache = new HashMap<>();
        return s -> cache.computeIfAbsent(s, f);
    }

    @ParameterizedTest(name = "{0}, {1} thread(s), independence {2}, fingerprints {3}")
    @CsvSource({
            "tiny-pagetables, 1, false, false", "tiny-pagetables, 2, true, false", "tiny-pagetables, 2, true, true",
            "tiny-grants, 1, false, false", "tiny-grants, 2, true, false", "tiny-grants, 1, true, true"})
    void everyLevelHasAsManyStatesAsANaiveEnumerationFinds(String config, int threads, boolean independence, boolean fingerprint) {
        CheckConfig cfg = Checks.load(config);
        NaiveSearch.Result naive = NaiveSearch.count(cfg, 100, s -> s);
        CheckReport r = ModelChecker.run(cfg, Options.defaults().unreduced().withThreads(threads).withIndependence(independence)
                .withFingerprint(fingerprint));
        assertThat(naive.fixpoint()).isTrue();
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.levelSizes()).isEqualTo(naive.levelSizes());
        assertThat(r.depth()).isEqualTo(naive.levelSizes().size() - 1);
    }

    @Test
    void aDepthBoundedSearchCountsTheStatesWithinTheBound() {
        CheckConfig cfg = Checks.load("tiny-domus");
        NaiveSearch.Result naive = NaiveSearch.count(cfg, 2, s -> s);
        CheckReport r = ModelChecker.run(cfg, Options.defaults().unreduced().withThreads(2));
        assertThat(r.status()).isEqualTo(Status.COMPLETE_TO_DEPTH);
        assertThat(r.depth()).isEqualTo(2);
        assertThat(r.levelSizes()).isEqualTo(naive.levelSizes());
    }

    @Test
    void underGrantReferenceSymmetryTheCountIsTheNumberOfOrbits() {
        assertStatesAreOrbits("tiny-grants", Symmetry.GRANT_REFS, Orbits::underReferencePermutations, "symmetry of grant references: applied");
    }

    @Test
    void underDomUSymmetryTheCountIsTheNumberOfOrbits() {
        assertStatesAreOrbits("tiny-domus", Symmetry.DOMUS, Orbits::underDomainPermutations, "symmetry of domUs: applied");
    }

    /** Under {@code symmetry}, each level holds one state per orbit, fewer than without it. */
    private static void assertStatesAreOrbits(String config, Symmetry symmetry, Function<State, Object> orbit, String applied) {
        CheckConfig cfg = Checks.load(config);
        int depth = cfg.depth().orElse(100);
        NaiveSearch.Result orbits = NaiveSearch.count(cfg, depth, memo(orbit));
        CheckReport r = ModelChecker.run(cfg, Options.defaults().withSymmetry(Set.of(symmetry)).withThreads(2));
        assertThat(r.reductions()).contains(applied);
        assertThat(r.levelSizes()).isEqualTo(orbits.levelSizes());
        assertThat(r.states()).isLessThan(NaiveSearch.count(cfg, depth, s -> s).states());
    }
}
