package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's tour stays true: every pvspec command in its code blocks runs (in this JVM, from
 * the repository root, {@code > FILE} into a scratch directory) with a verdict for an exit code
 * (0 or 1, never bad input or an error), and where the README shows output, the output has the
 * same lines with numbers abstracted. Every repository path the documentation names exists.
 */
class ReadmeCommandsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String JAR = "java -jar verification/target/pvspec.jar ";

    /** Commands too long for CI as written: run with a shorter budget after checking that they parse as written. */
    private static final Map<String, String> SHORTENED = Map.of("--seconds 3600", "--seconds 1");

    /** A command of the README, the output it shows (empty when it shows none), and the exit code it shows ({@code $ echo $?}), or -1. */
    static final class Shown {
        final String command;
        final List<String> output = new ArrayList<>();
        int exit = -1;

        Shown(String command) {
            this.command = command;
        }

        String command() {
            return command;
        }
    }

    static List<Shown> commands(String readme) {
        List<Shown> out = new ArrayList<>();
        Matcher block = Pattern.compile("```[a-z]*\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            Shown current = null;
            boolean echo = false;
            for (String line : block.group(1).split("\n")) {
                int at = line.indexOf(JAR);
                if (at >= 0 && (at == 0 || line.startsWith("$ ") || line.substring(0, at).endsWith("&& "))) {
                    current = new Shown(line.substring(at + JAR.length()).strip());
                    out.add(current);
                    echo = false;
                } else if (line.equals("$ echo $?")) {
                    echo = true;
                } else if (echo && current != null) {
                    current.exit = Integer.parseInt(line.strip());
                    echo = false;
                } else if (current != null && block.group(1).contains("$ " + JAR)) {
                    current.output.add(line);
                }
            }
        }
        return out;
    }

    /** Numbers (with their separators) become N and runs of spaces one space: the output's shape. */
    static String shape(String line) {
        return line.replaceAll("\\d[\\d,.]*", "N").replaceAll("\\s+", " ").strip();
    }

    @Test
    void everyCommandOfTheReadmeRunsAndPrintsWhatTheReadmeShows(@TempDir Path scratch) throws IOException {
        List<Shown> shown = commands(Files.readString(ROOT.resolve("README.md")));
        assertThat(shown).extracting(Shown::command).contains("check --depth 3", "replay stale.trace");
        for (Shown s : shown) {
            String command = s.command();
            for (Map.Entry<String, String> e : SHORTENED.entrySet()) {
                if (!command.contains(e.getKey())) continue;
                CommandLine.ParseResult parsed = new CommandLine(new Pvspec()).parseArgs(args(command, scratch, null).toArray(String[]::new));
                assertThat(parsed.hasSubcommand()).as(command).isTrue();
                command = command.replace(e.getKey(), e.getValue());
            }
            Path redirect = null;
            int gt = command.indexOf(" > ");
            if (gt >= 0) {
                redirect = scratch.resolve(command.substring(gt + 3).strip());
                command = command.substring(0, gt);
            }
            Cli r = Cli.run(args(command, scratch, redirect).toArray(String[]::new));
            if (s.exit >= 0) assertThat(r.exit).as("%s%n%s", s.command(), r.err).isEqualTo(s.exit);
            else assertThat(r.exit).as("%s%n%s", s.command(), r.err).isIn(Pvspec.HOLDS, Pvspec.VIOLATION);
            if (redirect != null) Files.writeString(redirect, r.out);
            if (s.output.isEmpty()) continue;
            List<String> actual = r.out.replace(scratch + "/", "").lines().map(ReadmeCommandsTest::shape).toList();
            assertThat(actual).as(s.command()).isEqualTo(s.output.stream().map(ReadmeCommandsTest::shape).toList());
        }
    }

    /**
     * The command's words; a file of the repository becomes its path, any other file name (one
     * the command reads after an earlier one wrote it, or writes) one in the scratch directory.
     */
    private static List<String> args(String command, Path scratch, Path redirect) {
        List<String> out = new ArrayList<>();
        for (String w : command.split("\\s+")) {
            if (!w.startsWith("-") && Files.exists(ROOT.resolve(w))) out.add(ROOT.resolve(w).toString());
            else if (!w.startsWith("-") && w.matches("[\\w.-]+\\.(trace|check|dot|svg|png|pdf|json)")) out.add(scratch.resolve(w).toString());
            else out.add(w);
        }
        return out;
    }

    @Test
    void everyRepositoryPathTheDocumentationNamesExists() throws IOException {
        Map<String, String> missing = new LinkedHashMap<>();
        Pattern path = Pattern.compile("[`(]((?:model|hypervisor|guests|properties|verification|docs|\\.ci)/[^`)\\s*]+)[`)]");
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> d = Files.list(ROOT.resolve("docs"))) {
            d.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        for (Path doc : docs) {
            Matcher m = path.matcher(Files.readString(doc));
            while (m.find()) {
                String p = m.group(1);
                if (p.contains("...") || p.contains("<") || p.contains("/target/")) continue; // elided, or made by the build
                if (!Files.exists(ROOT.resolve(p))) missing.put(p, ROOT.relativize(doc).toString());
            }
        }
        assertThat(missing).as("paths named in the documentation that do not exist (path -> where)").isEmpty();
    }

    @Test
    void noSourceOrDocumentCitesADesignFileThatIsNotInTheRepository() throws IOException {
        String design = "DESIGN" + ".md"; // spelt so that this file does not cite it
        List<String> citing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git"))
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".md"))
                    .forEach(p -> {
                        try {
                            if (Files.readString(p).contains(design) && !Files.exists(ROOT.resolve(design))) citing.add(ROOT.relativize(p).toString());
                        } catch (IOException e) {
                            citing.add(p + " (unreadable: " + e.getMessage() + ")");
                        }
                    });
        }
        assertThat(citing).as("files citing %s, which is not in the repository", design).isEmpty();
    }
}
