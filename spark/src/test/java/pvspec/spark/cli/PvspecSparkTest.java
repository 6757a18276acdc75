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

/**
 * The spark module's jar runs {@code pvspec check} with the Spark engine found on its class path:
 * the same options, report, trace file, coverage table and exit codes as the built-in engine.
 */
class PvspecSparkTest {
    private static final Path PAGETABLES = Path.of("../verification/src/test/resources/checks/tiny-pagetables.check");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return PvspecSpark.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void aMissingFileIsBadInputBeforeSparkStarts() {
        assertThat(run("check", "--engine", "spark", "--config", dir.resolve("none.check").toString())).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(err.toString()).contains("none.check: no such file").doesNotContain("Exception");
    }

    @Test
    void optionsOfTheBuiltInSearchAloneAreBadInputWithSpark() {
        assertThat(run("check", "--config", PAGETABLES.toString(), "--engine", "spark", "--workers", "2")).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(err.toString()).contains("--workers applies to --engine builtin only, not to --engine spark");
    }

    @Test
    void aMasterSparkCannotUseIsBadInput() {
        assertThat(run("check", "--config", PAGETABLES.toString(), "--engine", "spark", "--master", "nowhere://x")).as("%s", err).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(err.toString()).startsWith("pvspec: --master nowhere://x: Spark cannot start on it").doesNotContain("\tat ");
    }

    /** Without reductions both engines report the least path: the same trace file, byte for byte. */
    @Test
    void aBrokenInvariantExitsOneWithTheSameTraceOnBothEngines() throws IOException {
        Path f = dir.resolve("broken.check");
        Files.writeString(f, Files.readString(PAGETABLES) + "\n#! depth 2\n#! invariant never-l1: type(1) != l1\n");
        Path builtIn = dir.resolve("builtin.trace");
        Path spark = dir.resolve("spark.trace");
        assertThat(run("check", "--config", f.toString(), "--no-reductions", "--trace-out", builtIn.toString())).isEqualTo(Pvspec.VIOLATION);
        assertThat(run("check", "--config", f.toString(), "--no-reductions", "--trace-out", spark.toString(), "--engine", "spark",
                "--master", "local[1]")).isEqualTo(Pvspec.VIOLATION);
        assertThat(out.toString()).contains("never-l1").contains("pin_l1_table").contains("trace written to " + spark);
        assertThat(Files.readString(spark)).isEqualTo(Files.readString(builtIn)).contains("pin_l1_table");
    }

    /** --coverage: Spark runs every request on every state, as the built-in engine does without the independence reduction. */
    @Test
    void theCoverageTableIsTheBuiltInOnesWithShuffleFiguresAndJson() {
        assertThat(run("check", "--config", PAGETABLES.toString(), "--depth", "2", "--no-reductions", "--coverage")).isEqualTo(Pvspec.HOLDS);
        String builtIn = out.toString();
        assertThat(run("check", "--config", PAGETABLES.toString(), "--depth", "2", "--no-reductions", "--coverage", "--engine", "spark",
                "--master", "local[2]", "--partitions", "3", "--shuffle")).isEqualTo(Pvspec.HOLDS);
        String spark = out.toString();
        assertThat(table(spark)).isEqualTo(table(builtIn)).contains("pin_l1_table");
        assertThat(line(spark, "request kinds")).isEqualTo(line(builtIn, "request kinds"));
        assertThat(line(spark, "error codes")).isEqualTo(line(builtIn, "error codes"));
        assertThat(line(spark, "states ")).isEqualTo(line(builtIn, "states "));
        assertThat(spark).startsWith("depth  shuffle-written-bytes").contains("\n    1  ");
        assertThat(run("check", "--config", PAGETABLES.toString(), "--depth", "1", "--engine", "spark", "--master", "local[1]", "--json"))
                .isEqualTo(Pvspec.HOLDS);
        assertThat(out.toString()).startsWith("{").contains("\"status\"");
    }

    private static String table(String report) {
        return report.substring(report.indexOf("request templates"));
    }

    private static String line(String report, String start) {
        return report.lines().filter(l -> l.strip().startsWith(start)).findFirst().orElseThrow();
    }
}
