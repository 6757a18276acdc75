package pvspec.checker.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.trace.Trace;
import pvspec.verification.replay.Replayer;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckProperties;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Counterexample;
import pvspec.checker.report.Coverage;
import pvspec.checker.report.Status;
import pvspec.checker.report.Witness;

/**
 * A check file's own properties in the search: invariants give shortest counterexamples, reach
 * queries shortest witnesses, constraints stop expansion; both traces replay as they are. Runs on
 * the example check file's scenario and requests (the README shows its output).
 */
class PropertiesSearchTest {
    private static final Path EXAMPLE = Path.of("../examples/shared-page.check");

    /** The example with its properties replaced by {@code directives}. */
    private static CheckConfig example(String directives) throws Exception {
        return example(directives, true);
    }

    /** The same, and without dom0's destroydomain requests unless {@code destroy}. */
    private static CheckConfig example(String directives, boolean destroy) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(EXAMPLE)) {
            if (line.startsWith("#! invariant") || line.startsWith("#! constraint") || line.startsWith("#! reach")) continue;
            if (!destroy && line.contains("destroydomain")) continue;
            b.append(line).append('\n');
        }
        return CheckConfig.parse("mine.check", b + directives);
    }

    private static CheckReport run(CheckConfig c) {
        return ModelChecker.run(c, Options.defaults().withThreads(2));
    }

    @Test
    void theExampleFindsAWitnessOfFourStepsThatReplays() throws Exception {
        CheckReport r = run(CheckConfig.load(EXAMPLE));
        assertThat(r.status()).isEqualTo(Status.WITNESS);
        assertThat(r.outcome()).isEqualTo("witness");
        Witness w = r.witness().orElseThrow();
        // d1 drops its own writable mapping, d2 maps the grant again read-only at the same address (the
        // new grant PTE replaces the writable one and its type reference: pv/grant_table.c:
        // create_grant_pv_mapping), d1 pins the page as an L1: three steps, none fewer.
        assertThat(w.depth()).isEqualTo(3);
        assertThat(w.query().name()).isEqualTo("table-read-by-grantee");
        Trace t = Trace.parse("witness", w.print());
        assertThat(t.steps()).allSatisfy(s -> assertThat(s.expect()).isPresent());
        assertThat(Replayer.replay(t, Replayer.implementations()).ok()).isTrue();
        assertThat(r.summary()).contains("REACHED, witness of 3 steps below");
    }

    @Test
    void aBrokenInvariantGivesAShortestCounterexampleNamingIt() throws Exception {
        CheckReport r = run(example("#! invariant never-a-table: type(3) != l1\n"));
        assertThat(r.status()).isEqualTo(Status.VIOLATION);
        Counterexample c = r.counterexample().orElseThrow();
        assertThat(c.invariants()).containsExactly("never-a-table");
        assertThat(c.depth()).isEqualTo(3); // both writable mappings dropped, then the pin
        Replayer.Report replay = Replayer.replay(Trace.parse("cx", c.print()), Replayer.implementations());
        assertThat(replay.ok()).isTrue(); // the model's own invariants hold: only the file's property is broken
    }

    @Test
    void anInvariantThatHoldsOnAFixpointIsAProof() throws Exception {
        CheckReport r = run(example("#! invariant grantee-writes-only-granted: not writable(d2, 3) or granted(d1, 0)\n"));
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.outcome()).isEqualTo("holds");
    }

    @Test
    void aConstraintStopsExpansionButItsStatesAreStillChecked() throws Exception {
        // Destroying d1 drops its own references to page 3 at once: d2's grant mapping keeps the last one.
        CheckReport destroyed = run(example("#! reach one-reference: count(3) = 1\n"));
        assertThat(destroyed.witness().orElseThrow().depth()).isEqualTo(1);
        // Without that, page 3 loses its references one mapping at a time: two steps from three to one.
        CheckReport free = run(example("#! reach one-reference: count(3) = 1\n", false));
        assertThat(free.status()).isEqualTo(Status.WITNESS);
        assertThat(free.witness().orElseThrow().depth()).isEqualTo(2);
        // A state with two is found but not expanded, so one is unreachable: the search is complete and it holds.
        CheckReport bounded = run(example("#! constraint count(3) >= 3\n#! reach one-reference: count(3) = 1\n", false));
        assertThat(bounded.status()).isEqualTo(Status.FIXPOINT);
        assertThat(bounded.outcome()).isEqualTo("holds");
        assertThat(bounded.summary()).contains("one-reference (count(3) = 1): unreachable within the bounds");
        CheckReport checked = run(example("#! constraint count(3) >= 3\n#! invariant three: count(3) >= 3\n", false));
        assertThat(checked.status()).isEqualTo(Status.VIOLATION);
        assertThat(checked.counterexample().orElseThrow().depth()).isEqualTo(1);
    }

    @Test
    void propertiesOfTheInitialStateAreCheckedToo() throws Exception {
        CheckReport broken = run(example("#! invariant nothing-granted: not granted(d1, 0)\n"));
        assertThat(broken.status()).isEqualTo(Status.VIOLATION);
        assertThat(broken.depth()).isZero();
        CheckReport reached = run(example("#! reach granted: granted(d1, 0)\n"));
        assertThat(reached.status()).isEqualTo(Status.WITNESS);
        assertThat(reached.witness().orElseThrow().depth()).isZero();
    }

    @Test
    void aCutSearchThatFoundNothingIsInconclusive() throws Exception {
        CheckReport r = ModelChecker.run(CheckConfig.load(EXAMPLE), Options.defaults().withThreads(1).withMaxStates(10));
        assertThat(r.status()).isEqualTo(Status.CUT_BY_STATES);
        assertThat(r.outcome()).isEqualTo("inconclusive");
        assertThat(r.summary()).contains("not reached before the search stopped");
    }

    @Test
    void propertiesTurnOffTheReductionsTheyWouldMakeUnsound() throws Exception {
        Options o = Options.defaults();
        assertThat(ModelChecker.effective(CheckProperties.NONE, o)).isSameAs(o);
        CheckConfig inv = example("#! invariant a: alive(d1)\n");
        assertThat(ModelChecker.effective(inv.properties(), o).symmetry()).isEmpty();
        assertThat(ModelChecker.effective(inv.properties(), o).independence()).isTrue();
        CheckConfig con = example("#! constraint alive(d1)\n");
        assertThat(ModelChecker.effective(con.properties(), o).independence()).isFalse();
    }

    @Test
    void perTemplateCoverageAddsUpToTheExecutedTransitions() throws Exception {
        CheckReport r = run(example("#! invariant a: alive(dom0)\n"));
        List<Coverage.TemplateCount> ts = r.templates();
        assertThat(ts).hasSize(8);
        assertThat(ts.stream().mapToLong(Coverage.TemplateCount::executed).sum()).isEqualTo(r.transitions());
        Coverage.TemplateCount endAccess = ts.stream().filter(t -> t.template().text().equals("d1: end_access ref=0")).findFirst().orElseThrow();
        assertThat(endAccess.requests()).isEqualTo(1);
        assertThat(endAccess.succeeded()).isPositive(); // once d2 has unmapped
        assertThat(endAccess.refused()).isPositive();   // while d2 maps it
        assertThat(r.templateTable()).contains("d1: end_access ref=0");
        assertThat(r.toJson()).contains("\"template\": \"d1: end_access ref=0\"", "\"outcome\": \"holds\"");
    }
}
