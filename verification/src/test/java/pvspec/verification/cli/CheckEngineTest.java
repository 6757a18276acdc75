package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --engine}: pvspec.jar has only the built-in engine; asking it for Spark is bad
 * input with one message naming the jar that has it, and the engines' own options are refused
 * where they do not apply, never ignored.
 */
class CheckEngineTest {
    private static final String TINY = "../verification/src/test/resources/checks/tiny-pagetables.check";

    @Test
    void sparkIsNotInPvspecJarAndTheMessageSaysWhichJarToRun() {
        Cli r = Cli.run("check", "--config", TINY, "--engine", "spark", "--master", "local[1]");
        assertThat(r.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(r.err.lines()).hasSize(1);
        assertThat(r.err).startsWith("pvspec: --engine spark is not in pvspec.jar")
                .contains("java -jar spark/target/pvspec-spark.jar check --engine spark")
                .contains("spark-submit --class pvspec.spark.cli.PvspecSpark")
                .doesNotContain("Exception");
        assertThat(r.out).isEmpty();
    }

    @Test
    void anUnknownEngineIsBadInput() {
        Cli r = Cli.run("check", "--config", TINY, "--engine", "hadoop");
        assertThat(r.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(r.err).contains("--engine must be builtin or spark, not 'hadoop'");
    }

    @Test
    void sparkOptionsAreRefusedByTheBuiltInEngine() {
        Cli r = Cli.run("check", "--config", TINY, "--depth", "1", "--master", "local[2]");
        assertThat(r.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(r.err).contains("--master, --partitions and --shuffle apply to --engine spark only");
    }

    @Test
    void builtInOptionsAreRefusedByAnotherEngineBeforeItIsLookedFor() {
        Cli r = Cli.run("check", "--config", TINY, "--engine", "spark", "--conformance");
        assertThat(r.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(r.err).contains("--conformance applies to --engine builtin only, not to --engine spark");
    }

    @Test
    void aStatesBoundInTheConfigurationIsRefusedNotIgnored(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bounded.check");
        Files.writeString(f, Files.readString(Path.of(TINY)) + "\n#! states 10\n");
        Cli r = Cli.run("check", "--config", f.toString(), "--engine", "spark");
        assertThat(r.exit).isEqualTo(Pvspec.BAD_INPUT);
        assertThat(r.err).contains("its '#! states' bound applies to --engine builtin only");
    }

    @Test
    void theBuiltInEngineIsTheDefaultAndCanBeNamed() {
        Cli named = Cli.run("check", "--config", TINY, "--depth", "2", "--engine", "builtin");
        Cli plain = Cli.run("check", "--config", TINY, "--depth", "2");
        assertThat(named.exit).isEqualTo(Pvspec.HOLDS);
        assertThat(named.out.replaceAll("[\\d.,]+ s|states/s .*", "")).isEqualTo(plain.out.replaceAll("[\\d.,]+ s|states/s .*", ""));
    }
}
