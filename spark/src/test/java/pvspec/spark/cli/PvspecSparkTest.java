package pvspec.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pvspec.verification.cli.Pvspec;

/** The command's exit codes are pvspec's: bad input 2 before Spark starts, a violation 1 on either engine. */
class PvspecSparkTest {
    private static final Path PAGETABLES = Path.of("../verification/src/test/resources/checks/tiny-pagetables.check");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PvspecSpark.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void aMissingFileIsBadInput() {
        assertThat(run("check", "--config", dir.resolve("none.check").toString())).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(err.toString()).contains("none.check: no such built-in configuration or file").doesNotContain("Exception");
    }

    @Test
    void anUnknownEngineIsBadInput() {
        assertThat(run("check", "--config", PAGETABLES.toString(), "--engine", "hadoop")).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(err.toString()).contains("--engine must be spark or builtin");
    }

    @Test
    void aBrokenInvariantExitsOneOnBothEngines() throws IOException {
        Path f = dir.resolve("broken.check");
        Files.writeString(f, Files.readString(PAGETABLES) + "\n#! depth 2\n#! invariant never-l1: type(1) != l1\n");
        assertThat(run("check", "--config", f.toString(), "--engine", "builtin")).isEqualTo(Pvspec.VIOLATION);
        String builtIn = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("check", "--config", f.toString(), "--engine", "spark", "--master", "local[1]")).isEqualTo(Pvspec.VIOLATION);
        assertThat(out.toString()).contains("never-l1").contains("pin_l1_table");
        assertThat(builtIn).contains("never-l1");
    }
}
