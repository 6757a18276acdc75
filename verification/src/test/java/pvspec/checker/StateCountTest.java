package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The checker's state counts on tiny configurations, against {@link NaiveSearch}'s. */
class StateCountTest {

    /** The orbit of a state is computed once per distinct state. */
    private static java.util.function.Function<pvspec.model.state.State, Object> memo(
            java.util.function.Function<pvspec.model.state.State, Object> f) {
        java.util.Map<pvspec.model.state.State, Object> cache = new java.util.HashMap<>();
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
        CheckConfig cfg = Checks.load("tiny-grants");
        NaiveSearch.Result orbits = NaiveSearch.count(cfg, 100, memo(Orbits::underReferencePermutations));
        CheckReport r = ModelChecker.run(cfg, Options.defaults().withSymmetry(Set.of(Symmetry.GRANT_REFS)).withThreads(2));
        assertThat(r.reductions()).contains("symmetry of grant references: applied");
        assertThat(r.levelSizes()).isEqualTo(orbits.levelSizes());
        assertThat(r.states()).isLessThan(NaiveSearch.count(cfg, 100, s -> s).states());
    }

    @Test
    void underDomUSymmetryTheCountIsTheNumberOfOrbits() {
        CheckConfig cfg = Checks.load("tiny-domus");
        NaiveSearch.Result orbits = NaiveSearch.count(cfg, 2, memo(Orbits::underDomainPermutations));
        CheckReport r = ModelChecker.run(cfg, Options.defaults().withSymmetry(Set.of(Symmetry.DOMUS)).withThreads(2));
        assertThat(r.reductions()).contains("symmetry of domUs: applied");
        assertThat(r.levelSizes()).isEqualTo(orbits.levelSizes());
        assertThat(r.states()).isLessThan(NaiveSearch.count(cfg, 2, s -> s).states());
    }
}
