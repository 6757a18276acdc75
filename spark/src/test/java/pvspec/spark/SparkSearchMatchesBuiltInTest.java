package pvspec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pvspec.checker.report.CheckReport;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.report.Status;

/**
 * The Spark search finds what the built-in checker finds: the same states at each depth, the same
 * verdict, a shortest trace of the same length, and on a complete search the same transitions and
 * coverage (in local mode, two cores).
 */
class SparkSearchMatchesBuiltInTest {
    private static final String CHECKS = "../verification/src/test/resources/checks/";
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("pvspec-spark-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        sc.stop();
    }

    @Test
    void pageTablesToFixpointOrBound() throws Exception {
        CheckReport r = same(file("tiny-pagetables.check", "#! depth 3\n", true));
        assertThat(r.status().complete()).isTrue();
    }

    @Test
    void grantsUnderSymmetry() throws Exception {
        same(file("tiny-grants.check", "#! depth 3\n", true));
    }

    @Test
    void twoDomainsWithAndWithoutSymmetry() throws Exception {
        CheckReport sym = same(file("tiny-domus.check", "", true));
        CheckReport plain = same(file("tiny-domus.check", "", false));
        assertThat(sym.states()).isLessThan(plain.states());
    }

    @Test
    void aBrokenInvariantIsFoundAtTheSameDepth() throws Exception {
        CheckReport r = same(file("tiny-pagetables.check", "#! depth 3\n#! invariant never-l1: type(1) != l1\n", true));
        assertThat(r.status()).isEqualTo(Status.VIOLATION);
        assertThat(r.counterexample().orElseThrow().print()).contains("pin_l1_table");
    }

    @Test
    void aReachQueryIsWitnessedAtTheSameDepth() throws Exception {
        CheckReport r = same(file("tiny-grants.check", "#! depth 4\n#! reach mapped: count(2) = 2\n", true));
        assertThat(r.status()).isEqualTo(Status.WITNESS);
    }

    private static Spec file(String name, String extra, boolean symmetry) throws IOException {
        Spec s = Spec.open(CHECKS + name, symmetry);
        return new Spec(s.source(), s.text() + "\n" + extra, symmetry);
    }

    /** Runs both engines and asserts they agree; returns the Spark engine's report. */
    private static CheckReport same(Spec spec) throws Exception {
        CheckReport builtIn = ModelChecker.run(spec.parse(), spec.options().withThreads(2));
        CheckReport spark = new SparkSearch(sc, spec, 4).run(OptionalInt.empty());
        System.out.printf("%s symmetry=%s: built-in %s %s, spark %s %s%n", spec.source(), spec.symmetry(), builtIn.status(),
                builtIn.levelSizes(), spark.status(), spark.levelSizes());
        assertThat(spark.status()).isEqualTo(builtIn.status());
        assertThat(spark.depth()).isEqualTo(builtIn.depth());
        assertThat(spark.levelSizes()).isEqualTo(completeLevels(builtIn));
        assertThat(length(spark)).isEqualTo(length(builtIn));
        if (builtIn.holds()) {
            assertThat(spark.transitions()).isEqualTo(builtIn.transitions());
            assertThat(spark.templates()).isEqualTo(builtIn.templates());
            assertThat(spark.coverageSummary()).isEqualTo(builtIn.coverageSummary()).contains("ran");
        }
        return spark;
    }

    private static List<Long> completeLevels(CheckReport r) {
        List<Long> l = r.levelSizes();
        return r.partialLastLevel() ? l.subList(0, l.size() - 1) : l;
    }

    private static int length(CheckReport r) {
        if (r.counterexample().isPresent()) return r.counterexample().get().trace().steps().size();
        return r.witness().map(w -> w.trace().steps().size()).orElse(-1);
    }
}
