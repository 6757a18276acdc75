package pvspec.verification.jpf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JPF profile's figures, one line per job, in {@code verification/jpf/figures.tsv}: each job
 * of the profile rewrites its own line ({@code JpfLauncher --report}), and a test checks the
 * README's JPF table against the file on every build ({@code JpfFiguresMatchTheReadme}), so the
 * table cannot drift from what JPF last measured. Columns: job, verdict ({@link Verdict}), states,
 * end states, seconds, trace length (transitions; -1 none), when measured (a date, or
 * {@code earlier-run} for figures carried over from before the file existed). -1 is "not
 * recorded".
 */
public final class JpfFigures {
    private JpfFigures() {}

    public static final String HEADER = "# job\tverdict\tstates\tend_states\tseconds\ttrace\tmeasured";

    public static final class Row {
        public final String job;
        public final String verdict;
        public final long states;
        public final long endStates;
        public final double seconds;
        public final int trace;
        public final String measured;

        public Row(String job, String verdict, long states, long endStates, double seconds, int trace, String measured) {
            this.job = job;
            this.verdict = verdict;
            this.states = states;
            this.endStates = endStates;
            this.seconds = seconds;
            this.trace = trace;
            this.measured = measured;
        }

        public String line() {
            return job + "\t" + verdict + "\t" + states + "\t" + endStates + "\t" + String.format(Locale.ROOT, "%.1f", seconds) + "\t" + trace + "\t" + measured;
        }

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 7) throw new IllegalArgumentException("figures line needs 7 tab-separated fields: " + line);
            return new Row(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]), Integer.parseInt(f[5]), f[6]);
        }

        /** Whether these figures come from a run of the current profile (a date), not carried over. */
        public boolean current() {
            return !measured.equals("earlier-run");
        }

        /** The phrases the README's "measured" cell must contain, in the README's spelling. */
        public List<String> readmePhrases() {
            List<String> p = new ArrayList<>();
            if (states >= 0) p.add(String.format(Locale.ROOT, "%,d states", states));
            if (endStates >= 0) p.add(String.format(Locale.ROOT, "%,d end states", endStates));
            p.add(seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : String.format(Locale.ROOT, "%d s", Math.round(seconds)));
            if (trace >= 0) p.add(String.format(Locale.ROOT, "trace of %d transitions", trace));
            return p;
        }
    }

    /** The rows of {@code file}, by job, in file order. */
    public static Map<String, Row> read(Path file) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            Row r = Row.parse(line);
            rows.put(r.job, r);
        }
        return rows;
    }

    /** Replaces (or adds) {@code row}'s job's line in {@code file}, keeping every other line. */
    public static void update(Path file, Row row) throws IOException {
        Map<String, Row> rows = Files.exists(file) ? read(file) : new LinkedHashMap<>();
        rows.put(row.job, row);
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row r : rows.values()) lines.add(r.line());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
