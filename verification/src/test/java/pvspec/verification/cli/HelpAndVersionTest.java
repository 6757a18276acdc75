package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command has --help (exit 0, its options and an example) and pvspec help COMMAND; --version names the commit. */
class HelpAndVersionTest {
    private static final List<String> COMMANDS = List.of("check", "spec", "replay", "fuzz", "attack", "graph", "mutants", "bench");

    @Test
    void everyCommandHasHelpWithItsOptionsAndAnExample() {
        for (String c : COMMANDS) {
            for (String[] args : List.of(new String[] {c, "--help"}, new String[] {c, "-h"}, new String[] {"help", c})) {
                Cli r = Cli.run(args);
                assertThat(r.exit).as(String.join(" ", args)).isZero();
                assertThat(r.err).as(String.join(" ", args)).isEmpty();
                assertThat(r.out).as(String.join(" ", args)).startsWith("Usage: pvspec " + c).contains("--help").contains("Example")
                        .contains("  pvspec " + c);
            }
        }
    }

    @Test
    void theTopLevelHelpListsTheCommandsAndTheExitCodes() {
        Cli r = Cli.run("help");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("Usage: pvspec").contains("Exit codes: 0 holds");
        for (String c : COMMANDS) assertThat(r.out).contains("  " + c + " ");
        assertThat(Cli.run("--help").out).isEqualTo(r.out);
        Cli unknown = Cli.run("help", "frobnicate");
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.err).contains("Unknown subcommand 'frobnicate'");
    }

    @Test
    void versionNamesTheCommitTheJarWasBuiltFrom() {
        Cli r = Cli.run("--version");
        assertThat(r.exit).isZero();
        // The build writes the commit (git describe) or, outside a git checkout, "unknown".
        assertThat(r.out.trim()).matches("pvspec \\S+, commit ([0-9a-f]{7,40}(-dirty)?|\\S+-g[0-9a-f]+(-dirty)?|unknown \\(built outside a git checkout\\))");
        assertThat(Cli.run("replay", "--version").out).isEqualTo(r.out);
    }
}
