package pvspec.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import pvspec.verification.cli.Pvspec;

/**
 * The packaged {@code spark/target/pvspec-spark.jar} (run after {@code package}): its manifest
 * starts pvspec's command line with Spark beside it, it holds no Spark class, and the README's
 * commands on it are true: the local ones run as written, the {@code spark-submit} ones (no
 * cluster here) name the jar's main class and parse.
 */
class PvspecSparkJarIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String JAR_PATH = "spark/target/pvspec-spark.jar";
    private static final Path JAR = ROOT.resolve(JAR_PATH);

    @Test
    void theManifestStartsPvspecSparkWithSparkOnTheClassPathAndJava17sOpens() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes a = jar.getManifest().getMainAttributes();
            assertThat(a.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo(PvspecSpark.class.getName());
            List<String> classPath = Arrays.asList(a.getValue(Attributes.Name.CLASS_PATH).split(" "));
            assertThat(classPath).anyMatch(p -> p.startsWith("spark-lib/spark-core_2.13-"));
            for (String p : classPath) assertThat(JAR.resolveSibling(p)).as(p).isRegularFile();
            assertThat(a.getValue("Add-Opens")).contains("java.base/sun.nio.ch").contains("java.base/java.nio");
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/services/pvspec.checker.search.SearchEngine")).readAllBytes(),
                    StandardCharsets.UTF_8).strip()).isEqualTo("pvspec.spark.SparkEngine");
            assertThat(jar.stream().map(e -> e.getName())).noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/"))
                    .contains("pvspec/verification/cli/Pvspec.class");
        }
    }

    @Test
    void theReadmesSparkSubmitCommandsNameTheMainClassAndParse() throws IOException {
        List<List<String>> submits = commands("spark-submit ");
        assertThat(submits).isNotEmpty();
        for (List<String> c : submits) {
            int jar = c.indexOf(JAR_PATH);
            assertThat(jar).as("%s names %s", c, JAR_PATH).isPositive();
            assertThat(c.get(c.indexOf("--class") + 1)).as("%s", c).isEqualTo(PvspecSpark.class.getName());
            assertThat(c).as("%s", c).contains("--master");
            CommandLine.ParseResult parsed = new CommandLine(new Pvspec()).parseArgs(c.subList(jar + 1, c.size()).toArray(String[]::new));
            assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("check");
            assertThat(parsed.subcommand().<String>matchedOptionValue("--engine", "builtin")).as("%s", c).isEqualTo("spark");
        }
    }

    /** The local command runs as written (a process, from the repository root): a verdict, and the report on standard output. */
    @Test
    void theReadmesLocalCommandsRunAsWritten() throws IOException, InterruptedException {
        List<List<String>> local = commands("java -jar " + JAR_PATH + " ");
        assertThat(local).isNotEmpty();
        for (List<String> c : local) {
            Path out = Files.createTempFile("pvspec-spark", ".out");
            Process p = new ProcessBuilder(c).directory(ROOT.toFile()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int exit = p.waitFor();
            String report = Files.readString(out);
            Files.delete(out);
            assertThat(exit).as("%s%n%s", c, report).isIn(Pvspec.HOLDS, Pvspec.VIOLATION);
            assertThat(report).as("%s", c).contains("pvspec check ").contains("independence: off");
        }
    }

    /** The README's commands that start with {@code start}, in its code blocks, as words (quotes removed, comments dropped). */
    private static List<List<String>> commands(String start) throws IOException {
        List<List<String>> out = new ArrayList<>();
        Matcher block = Pattern.compile("```[a-z]*\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(ROOT.resolve("README.md")));
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                if (!line.startsWith(start)) continue;
                int hash = line.indexOf(" #");
                String command = (hash >= 0 ? line.substring(0, hash) : line).replace("'", "").strip();
                out.add(new ArrayList<>(Arrays.asList(command.split("\\s+"))));
            }
        }
        return out;
    }
}
