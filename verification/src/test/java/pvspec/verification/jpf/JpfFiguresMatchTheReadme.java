package pvspec.verification.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's JPF table against the figures the profile last wrote ({@code jpf/figures.tsv},
 * committed): every job of the profile has a line and a table row, the row shows the line's
 * figures, figures not from the current profile are marked as the earlier run's, and a job
 * measured by the current profile reached exactly the verdict the profile expects of it.
 */
class JpfFiguresMatchTheReadme {
    private static final Path FIGURES = Path.of("jpf/figures.tsv");
    private static final Path README = Path.of("../README.md");
    private static final Path POM = Path.of("pom.xml");

    /** Each job of the jpf profile (execution id) with its --expect (pass when none). */
    static Map<String, String> jobs() throws Exception {
        String pom = Files.readString(POM, StandardCharsets.UTF_8);
        Map<String, String> jobs = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<id>(jpf-[a-z0-9-]+)</id>(.*?)</execution>", Pattern.DOTALL).matcher(pom);
        while (m.find()) {
            if (!m.group(2).contains("<argument>--job</argument>")) continue; // not a JPF run (the enforcer's check, the compilation)
            Matcher e = Pattern.compile("<argument>--expect</argument><argument>([^<]+)</argument>").matcher(m.group(2));
            jobs.put(m.group(1), e.find() ? e.group(1) : "pass");
        }
        return jobs;
    }

    private static String readmeRow(String readme, String job) {
        for (String line : readme.split("\n")) if (line.startsWith("| `" + job + "` |")) return line;
        return null;
    }

    @Test
    void everyJobsFiguresAreTheReadmesAndItsVerdictIsTheExpectedOne() throws Exception {
        Map<String, String> jobs = jobs();
        Map<String, JpfFigures.Row> rows = JpfFigures.read(FIGURES);
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertThat(jobs).hasSize(7);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(jobs.keySet());
        for (JpfFigures.Row r : rows.values()) {
            Verdict expected = Verdict.parse(jobs.get(r.job));
            String row = readmeRow(readme, r.job);
            assertThat(row).as("README row of %s", r.job).isNotNull();
            assertThat(row).as("README row of %s", r.job).contains("`" + expected + "`");
            for (String phrase : r.readmePhrases()) assertThat(row).as("README row of %s", r.job).contains(phrase);
            if (r.current()) {
                assertThat(Verdict.parse(r.verdict).satisfies(expected)).as("%s: measured %s, expected %s", r.job, r.verdict, expected).isTrue();
            } else {
                assertThat(row).as("README row of %s", r.job).contains("earlier run");
            }
        }
    }

    @Test
    void aJobRewritesItsOwnLineOnly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("figures.tsv");
        Files.copy(FIGURES, f);
        JpfFigures.Row row = new JpfFigures.Row("jpf-seeded-waits-out-of-order", "deadlock", 612, -1, 1.94, 22, "2026-12-06");
        JpfFigures.update(f, row);
        Map<String, JpfFigures.Row> before = JpfFigures.read(FIGURES);
        Map<String, JpfFigures.Row> after = JpfFigures.read(f);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        assertThat(after.get(row.job).line()).isEqualTo(row.line());
        assertThat(after.get(row.job).readmePhrases()).containsExactly("612 states", "1.9 s", "trace of 22 transitions");
        for (String job : before.keySet()) if (!job.equals(row.job)) assertThat(after.get(job).line()).isEqualTo(before.get(job).line());
        assertThat(List.of(Files.readAllLines(f).get(0))).containsExactly(JpfFigures.HEADER);
    }
}
