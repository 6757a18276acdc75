package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** replay for scripts: many traces in one run (one line each, the worst exit code), standard input, reasons on every line. */
class ReplayManyTest {
    private static final String GOOD = Cli.scenario("linear-page-tables");
    private static final String BROKEN = Cli.resource("cli/broken-expectation.trace");

    @Test
    void manyTracesGiveOneLineEachAndTheWorstExitCode() {
        Cli r = Cli.run("replay", GOOD, BROKEN, GOOD);
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out.lines()).hasSize(3);
        assertThat(r.out.lines().toList().get(0)).isEqualTo("replay " + GOOD + ": 21 steps; results as expected, model and hypervisor agree, every invariant holds");
        assertThat(r.out.lines().toList().get(1)).startsWith("replay " + BROKEN + ": FAILED at line 8: expected OK, got EINVAL done=0 (");
        Cli missing = Cli.run("replay", GOOD, "no-such.trace", BROKEN);
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.err).isEqualTo("pvspec: no-such.trace: no such file\n");
        assertThat(missing.out.lines()).hasSize(2);
        assertThat(Cli.run("replay", GOOD, GOOD).exit).isZero();
    }

    @Test
    void theFailingLineShowsTheRefusalReasonLikeEveryOtherLine() {
        Cli r = Cli.run("replay", BROKEN);
        String failing = r.out.lines().filter(l -> l.startsWith("!!")).findFirst().orElseThrow();
        assertThat(failing).contains("pin_l1_table mfn=3").containsPattern("EINVAL done=0 \\| EINVAL done=0 \\| ok   \\(.+\\)");
    }

    @Test
    void aDashReadsStandardInput() throws Exception {
        java.io.InputStream saved = ReplayCommand.stdin;
        try {
            ReplayCommand.stdin = new ByteArrayInputStream(Files.readAllBytes(Path.of(GOOD)));
            Cli r = Cli.run("replay", "-q", "-");
            assertThat(r.exit).isZero();
            assertThat(r.out).isEqualTo("replay <stdin>: 21 steps; results as expected, model and hypervisor agree, every invariant holds\n");
            ReplayCommand.stdin = new ByteArrayInputStream("config\nd1: nap\n".getBytes(StandardCharsets.UTF_8));
            Cli bad = Cli.run("replay", "-");
            assertThat(bad.exit).isEqualTo(2);
            assertThat(bad.err).isEqualTo("pvspec: <stdin>:2:5: unknown hypercall 'nap'\n");
        } finally {
            ReplayCommand.stdin = saved;
        }
    }
}
