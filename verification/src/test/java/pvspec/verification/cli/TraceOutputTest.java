package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that print traces can print the trace alone or write it to a file, and replay reads it back as written. */
class TraceOutputTest {
    @Test
    void attackTraceOnlyIsAReplayableTrace() {
        Cli a = Cli.run("attack", "--trace", "stale-tlb-across-retype", "--trace-only");
        assertThat(a.exit).isZero();
        assertThat(a.out).startsWith("# pvspec trace v1\nconfig levels=2").doesNotContain("attacks refused");
        java.io.InputStream saved = ReplayCommand.stdin;
        try {
            ReplayCommand.stdin = new ByteArrayInputStream(a.out.getBytes(StandardCharsets.UTF_8));
            Cli r = Cli.run("replay", "-");
            assertThat(r.exit).isZero();
            assertThat(r.out).contains("18  d1: access write va=1.2").endsWith("16 steps; results as expected, model and hypervisor agree, every invariant holds\n");
        } finally {
            ReplayCommand.stdin = saved;
        }
    }

    @Test
    void attackOutWritesTheTraceAndKeepsTheTable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pse.trace");
        Cli a = Cli.run("attack", "--trace", "pse-superpage", "--out", f.toString());
        assertThat(a.exit).isZero();
        assertThat(a.out).contains("67 of 67 attacks refused").contains("wrote the trace of pse-superpage to " + f).doesNotContain("config levels");
        assertThat(Files.readString(f)).startsWith("# pvspec trace v1\nconfig").contains("PSE");
        assertThat(Cli.run("replay", "-q", f.toString()).exit).isZero();
    }

    @Test
    void mutantsShowTraceOnlyIsTheShrunkTraceAlone(@TempDir Path dir) throws Exception {
        Cli m = Cli.run("mutants", "--show", "missing-ownership-check", "--trace-only");
        assertThat(m.exit).isZero();
        assertThat(m.out).startsWith("# pvspec trace v1\nconfig").doesNotContain("variant").doesNotContain("property '");
        Path f = dir.resolve("own.trace");
        assertThat(Cli.run("mutants", "--show", "missing-ownership-check", "--trace-only", "--out", f.toString()).exit).isZero();
        assertThat(Files.readString(f)).isEqualTo(m.out);
        // On the correct hypervisor the shrunk trace replays as recorded (its expectations are the model's results).
        assertThat(Cli.run("replay", "-q", f.toString()).exit).isZero();
    }
}
