package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's check-file example stays true: its directives are the file's, its output the command's (timings and the stopped level's counts aside). */
class ReadmeCheckFileExampleTest {
    private static final String COMMAND = "$ java -jar verification/target/pvspec.jar check --config examples/shared-page.check --trace-out witness.trace\n";

    /**
     * Timings vary, and so do the counts of the level where the witness stopped the workers (how
     * far each got in it), and with them the fingerprint collision bound.
     */
    private static List<String> withoutTimings(String text) {
        List<String> varying = List.of("  time ", "  states/s ", "  states ", "  transitions ", "  invariants ", "  visited set ");
        return text.lines().filter(l -> varying.stream().noneMatch(l::startsWith)).toList();
    }

    @Test
    void theOutputShownIsTheOutputProduced(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int from = readme.indexOf(COMMAND) + COMMAND.length();
        String shown = readme.substring(from, readme.indexOf("trace written to witness.trace\n", from));
        Cli c = Cli.run("check", "--config", "../examples/shared-page.check", "--trace-out", dir.resolve("witness.trace").toString());
        assertThat(c.exit).as(c.err).isEqualTo(Pvspec.VIOLATION);
        String produced = c.out.substring(0, c.out.indexOf("trace written to"));
        assertThat(withoutTimings(produced)).containsExactlyElementsOf(withoutTimings(shown));
    }

    @Test
    void theDirectivesShownAreTheFiles() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> file = Files.readAllLines(Path.of("../examples/shared-page.check"));
        List<String> shown = readme.lines().filter(l -> l.startsWith("#! ")).toList();
        assertThat(shown).isNotEmpty();
        assertThat(file).containsAll(shown);
        assertThat(shown).containsAll(file.stream().filter(l -> l.startsWith("#! ")).toList());
    }
}
