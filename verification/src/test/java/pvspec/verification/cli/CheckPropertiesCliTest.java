package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pvspec check} with a check file's properties, {@code --invariant}, {@code --mutant},
 * {@code --trace-out}, {@code --json} and {@code --coverage}: every exit code of the table
 * (0 holds, 1 found, 2 bad input, 3 inconclusive, 4 internal error) is produced and asserted.
 */
class CheckPropertiesCliTest {
    private static final String EXAMPLE = "../examples/shared-page.check";

    /** The example without its reach query (whose witness would end the search). */
    private static Path withoutReach(Path dir) throws Exception {
        Path f = dir.resolve("no-reach.check");
        Files.writeString(f, Files.readString(Path.of(EXAMPLE)).replaceAll("(?m)^#! reach .*$", ""));
        return f;
    }

    @Test
    void exit0WhenTheFilesPropertiesHoldOnAFixpoint(@TempDir Path dir) throws Exception {
        Cli c = Cli.run("check", "--config", withoutReach(dir).toString(), "--threads", "1");
        assertThat(c.exit).isEqualTo(Pvspec.HOLDS);
        assertThat(c.out).contains("COMPLETE: every reachable state explored", "grantee-writes-only-granted, page-stays-with-d1 on");
    }

    @Test
    void exit1WithAWitnessWrittenAsATraceThatReplays(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("witness.trace");
        Cli c = Cli.run("check", "--config", EXAMPLE, "--trace-out", trace.toString());
        assertThat(c.exit).isEqualTo(Pvspec.VIOLATION);
        assertThat(c.out).contains("WITNESS for reach table-read-by-grantee after 4 steps", "trace written to " + trace);
        assertThat(Files.readString(trace)).startsWith("# Witness: reach table-read-by-grantee").contains("-> OK\n");
        Cli replay = Cli.run("replay", trace.toString());
        assertThat(replay.exit).isEqualTo(Pvspec.HOLDS);
        assertThat(replay.out).contains("14 steps; results as expected");
    }

    @Test
    void exit1WithACounterexampleFromAJavaInvariant(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("cx.trace");
        Cli c = Cli.run("check", "--config", withoutReach(dir).toString(), "--invariant", PageThreeNeverATable.class.getName(),
                "--trace-out", trace.toString());
        assertThat(c.exit).isEqualTo(Pvspec.VIOLATION);
        assertThat(c.out).contains("VIOLATION of page-3-never-a-table after 3 steps");
        assertThat(Files.readString(trace)).contains("d1: mmuext_op pin_l1_table mfn=3 -> OK");
    }

    @Test
    void exit2ForAMalformedPredicateAtItsFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.check");
        Files.writeString(f, "config levels=2 entries=4 frames=8 domains=3\n#! invariant x: owner(3) = d7\n");
        Cli c = Cli.run("check", "--config", f.toString());
        assertThat(c.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(c.err).isEqualTo("pvspec: " + f + ":2:28: 'd7' is not a domain (dom0, d1, d2, xen, none)\n");
    }

    @Test
    void exit2ForAnInvariantClassThatIsMissingOrIsNotOne() {
        Cli missing = Cli.run("check", "--config", EXAMPLE, "--invariant", "com.example.Nope");
        assertThat(missing.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(missing.err).startsWith("pvspec: --invariant: no class 'com.example.Nope' on the class path");
        Cli wrong = Cli.run("check", "--config", EXAMPLE, "--invariant", "java.lang.String");
        assertThat(wrong.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(wrong.err).isEqualTo("pvspec: --invariant: java.lang.String does not implement pvspec.model.invariant.Invariant\n");
    }

    @Test
    void exit2ForAnUnknownMutantOrATraceOutThatCannotBeWritten(@TempDir Path dir) {
        Cli m = Cli.run("check", "--config", EXAMPLE, "--mutant", "nope");
        assertThat(m.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(m.err).startsWith("pvspec: no variant named 'nope' (fast-path-rw-toggle, ");
        Cli d = Cli.run("check", "--config", EXAMPLE, "--trace-out", dir.toString());
        assertThat(d.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(d.err).isEqualTo("pvspec: --trace-out " + dir + ": is a directory\n");
        Cli r = Cli.run("replay", "--mutant", "nope", EXAMPLE);
        assertThat(r.exit).isEqualTo(Pvspec.BAD_INPUT);
    }

    @Test
    void exit3WhenCutBeforeFindingAnything(@TempDir Path dir) throws Exception {
        Cli c = Cli.run("check", "--config", EXAMPLE, "--states", "10");
        assertThat(c.exit).isEqualTo(Pvspec.INCONCLUSIVE);
        assertThat(c.out).contains("CUT by the state bound: NOT complete", "not reached before the search stopped");
        Path bounded = dir.resolve("bounded.check");
        Files.writeString(bounded, Files.readString(Path.of(EXAMPLE)) + "#! states 10\n");
        Cli file = Cli.run("check", "--config", bounded.toString());
        assertThat(file.exit).isEqualTo(Pvspec.INCONCLUSIVE);
        Cli timed = Cli.run("check", "--seconds", "1", "--threads", "1");
        assertThat(timed.exit).isEqualTo(Pvspec.INCONCLUSIVE);
        assertThat(timed.out).contains("CUT by the time limit: NOT complete");
    }

    @Test
    void exit4WhenAUsersInvariantThrows() {
        Cli c = Cli.run("check", "--config", EXAMPLE, "--invariant", PageThreeNeverATable.Throwing.class.getName());
        assertThat(c.exit).isEqualTo(Pvspec.INTERNAL_ERROR);
        assertThat(c.err).startsWith("pvspec: internal error: ").doesNotContain("\tat ");
    }

    @Test
    void aMutantIsCheckedInConformanceModeAndItsDivergenceReplaysOnIt(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("div.trace");
        // The granter rewrites a grant entry d2 still maps: the model refuses (the entry is in use), the variant does not.
        Cli c = Cli.run("check", "--config", withoutReach(dir).toString(), "--mutant", "revoke-while-mapped", "--trace-out", trace.toString());
        assertThat(c.exit).isEqualTo(Pvspec.VIOLATION);
        assertThat(c.out).contains("DIVERGENCE from the model after 1 steps");
        assertThat(Files.readString(trace)).contains("d1: grant ref=0 domid=2 frame=3 readonly=false -> EBUSY");
        Cli onIt = Cli.run("replay", "--mutant", "revoke-while-mapped", trace.toString());
        assertThat(onIt.exit).isEqualTo(Pvspec.VIOLATION);
        assertThat(onIt.out).contains("revoke-while-mapped returned OK, the model EBUSY");
        assertThat(Cli.run("replay", trace.toString()).exit).isEqualTo(Pvspec.HOLDS);
    }

    @Test
    void jsonIsTheWholeReportOnStdoutAndCoverageListsTemplates(@TempDir Path dir) throws Exception {
        Cli j = Cli.run("check", "--config", EXAMPLE, "--json");
        assertThat(j.exit).isEqualTo(Pvspec.VIOLATION);
        assertThat(j.out).startsWith("{\n").endsWith("}\n").contains("\"outcome\": \"witness\"", "\"status\": \"WITNESS\"",
                "\"table-read-by-grantee\": \"table-read-by-grantee (type(3) = l1 and readable(d2, 3)): REACHED, witness of 4 steps below\"",
                "\"template\": \"d2: access {rw} va=0.1\"", "\"witness\": \"# Witness: reach table-read-by-grantee");
        Cli cov = Cli.run("check", "--config", withoutReach(dir).toString(), "--coverage");
        assertThat(cov.out).contains("request templates (executed transitions").containsPattern("\\s+\\d+\\s+1\\s+[\\d,]+\\s+[\\d,]+  d1: end_access ref=0");
    }
}
