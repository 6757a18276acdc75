package pvspec.verification.jpf;

import gov.nasa.jpf.Config;
import gov.nasa.jpf.Error;
import gov.nasa.jpf.JPF;
import gov.nasa.jpf.report.Statistics;
import gov.nasa.jpf.vm.JPF_gov_nasa_jpf_vm_Verify;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one harness under Java PathFinder through JPF's API and turns the outcome into an exit
 * code, because JPF's own launcher always exits 0.
 *
 * <pre>
 * JpfLauncher HARNESS JPF_FILE OUT_DIR [--variant NAME] [--scenario all|NAME[+NAME...]]
 *             [--expect VERDICT] [--job NAME --report FILE] [+jpf.key=value ...]
 * </pre>
 * With {@code -Djpf.home=DIR} (a jpf-core directory) JPF is configured from that directory,
 * whatever {@code ~/.jpf/site.properties} says.
 * {@code HARNESS} is {@code vcpus} (harness 1; its oracle is computed here, on the JVM, and handed
 * to the target as a file) or {@code model} (harness 2; its state count is compared with a
 * breadth-first search computed here). The system under test's classpath is this JVM's classpath
 * without JPF's own jars.
 *
 * <p>Exit 0 when the run reached exactly the expected {@link Verdict}: with {@code --expect pass}
 * (the default), JPF found no error, the search ran, and every choice vector reported its final
 * check (a path that stopped silently — code JPF cannot execute — leaves a vector unreported);
 * with {@code invariant:INV-n}, {@code not-linearizable}, {@code race:LOCATION} or
 * {@code deadlock}, JPF's first error is that property and no other. Exit 1 otherwise, 2 on bad
 * usage. With {@code --report}, the run's figures replace the line of job {@code --job} in that
 * file ({@link JpfFigures}), which the README's table is checked against.
 */
public final class JpfLauncher {
    private JpfLauncher() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length < 3) return usage("need HARNESS JPF_FILE OUT_DIR");
        String harness = args[0];
        String jpfFile = args[1];
        Path out = Path.of(args[2]);
        String variant = SeededRaces.NONE;
        String scenario = "all";
        String expect = "pass";
        String job = null;
        Path report = null;
        List<String> extra = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("+")) extra.add(a);
            else if (i + 1 >= args.length) return usage("missing value after " + a);
            else if (a.equals("--variant")) variant = args[++i];
            else if (a.equals("--scenario")) scenario = args[++i];
            else if (a.equals("--expect")) expect = args[++i];
            else if (a.equals("--job")) job = args[++i];
            else if (a.equals("--report")) report = Path.of(args[++i]);
            else return usage("unknown option " + a);
        }
        Verdict expected;
        try {
            expected = Verdict.parse(expect);
        } catch (IllegalArgumentException e) {
            return usage("--expect: " + e.getMessage());
        }
        if ((job == null) != (report == null)) return usage("--job and --report go together");
        Files.createDirectories(out);

        String name = harness + (variant.equals(SeededRaces.NONE) ? "" : "-" + variant) + (scenario.equals("all") ? "" : "-" + scenario.replace('+', '-'));
        String target;
        String targetArgs;
        int vectors;
        ModelBfs.Count bfs = null;
        if (harness.equals("vcpus")) {
            List<Scenario> scenarios = Scenarios.select(scenario);
            OracleBuilder.Texts texts = new OracleBuilder.Texts();
            long t0 = System.nanoTime();
            Oracle oracle = OracleBuilder.build(scenarios, texts);
            Path file = out.resolve(name + ".oracle");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                oracle.write(w);
            }
            Files.write(out.resolve(name + ".oracle.txt"), texts.lines, StandardCharsets.UTF_8);
            vectors = VcpuHarness.offsets(scenarios)[scenarios.size()];
            System.out.printf("oracle: %d scenarios, %d choice vectors, computed on the model in %d ms: %s%n",
                    scenarios.size(), vectors, (System.nanoTime() - t0) / 1_000_000, file);
            target = VcpuHarnessJpf.class.getName();
            targetArgs = file.toAbsolutePath() + "," + variant + "," + scenario;
        } else if (harness.equals("model")) {
            long t0 = System.nanoTime();
            bfs = ModelBfs.explore(ModelExploration.start(), ModelExploration.menu());
            vectors = ModelExploration.menu().length;
            System.out.printf("breadth-first search on the JVM: %d states, %d transitions, depth %d, in %d ms%n",
                    bfs.states(), bfs.transitions(), bfs.depth(), (System.nanoTime() - t0) / 1_000_000);
            target = ModelExplorationJpf.class.getName();
            targetArgs = "";
        } else {
            return usage("unknown harness " + harness);
        }

        List<String> jpfArgs = new ArrayList<>();
        String jpfHome = System.getProperty("jpf.home");
        if (jpfHome != null) {
            // JPF finds jpf-core through a site file; write one naming the jpf-core given by path
            // instead of relying on ~/.jpf/site.properties.
            Path site = out.resolve("site.properties");
            Files.writeString(site, "jpf-core = " + Path.of(jpfHome).toAbsolutePath() + "\nextensions = ${jpf-core}\n", StandardCharsets.UTF_8);
            jpfArgs.add("+site=" + site.toAbsolutePath());
        }
        jpfArgs.add(jpfFile);
        jpfArgs.add("+classpath=" + sutClasspath());
        String sources = sourcepath();
        if (!sources.isEmpty()) jpfArgs.add("+sourcepath=" + sources);
        jpfArgs.add("+target=" + target);
        jpfArgs.add("+target.args=" + targetArgs);
        jpfArgs.addAll(extra);

        long start = System.nanoTime();
        JPF jpf;
        try {
            Config conf = JPF.createConfig(jpfArgs.toArray(new String[0]));
            jpf = new JPF(conf);
            jpf.addListener(new SpinWaitHints());
            jpf.run();
        } catch (Throwable t) {
            System.out.println("JPF failed to run: " + t);
            t.printStackTrace(System.out);
            return 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Statistics s = jpf.getReporter() == null ? null : jpf.getReporter().getStatistics();
        List<Error> errors = jpf.getSearchErrors();
        int completed = 0;
        for (int v = 0; v < vectors; v++) if (JPF_gov_nasa_jpf_vm_Verify.getBitInBitSet__II__Z(null, 0, JpfChoices.COMPLETED, v)) completed++;
        int checks = JPF_gov_nasa_jpf_vm_Verify.getCounter__I__I(null, 0, JpfChoices.COMPLETED);
        String stats = s == null ? "no statistics" : String.format("states new=%d visited=%d backtracked=%d end=%d maxDepth=%d",
                s.newStates, s.visitedStates, s.backtracked, s.endStates, s.maxDepth);
        System.out.printf("JPF %s: %s, %.1f s, vectors completed %d/%d, final checks passed %d, errors %d%n",
                name, stats, seconds, completed, vectors, checks, errors.size());

        Verdict found = errors.isEmpty() ? Verdict.pass() : Verdict.of(errors.get(0).getDescription() + "\n" + errors.get(0).getDetails());
        int trace = errors.isEmpty() || errors.get(0).getPath() == null ? -1 : errors.get(0).getPath().size();
        for (Error e : errors) System.out.println((found.satisfies(expected) ? "JPF error (expected): " : "FAIL: ") + e.getDescription() + "\n" + e.getDetails());
        String failure = null;
        if (!found.satisfies(expected)) {
            failure = "expected " + expected + ", JPF's verdict is " + found;
        } else if (expected.kind == Verdict.Kind.PASS) {
            if (s == null || s.newStates == 0) failure = "the search did not run (is the target on the classpath?)";
            else if (completed != vectors) failure = "only " + completed + " of " + vectors + " choice vectors (harness 2: menu requests) reached their final check: JPF stopped paths silently";
            else if (bfs == null && checks != s.endStates) failure = checks + " final checks passed but JPF counted " + s.endStates + " end states";
            else if (bfs != null) {
                // Each JPF state is the model state at a choice point (the first is the start); each
                // transition after the first is one model step: new + visited - 1 steps in all.
                long jpfSteps = s.newStates + s.visitedStates - 1;
                System.out.printf("state counts: JPF %d states, breadth-first search %d; transitions: JPF %d (%d steps checked), breadth-first search %d%n",
                        s.newStates, bfs.states(), jpfSteps, checks, bfs.transitions());
                if (s.newStates != bfs.states() || jpfSteps != bfs.transitions() || checks != bfs.transitions()) failure = "JPF and the breadth-first search disagree";
            }
        }
        if (failure != null) {
            System.out.println("FAIL: " + name + ": " + failure);
            return 1;
        }
        if (report != null && s != null) {
            JpfFigures.Row row = new JpfFigures.Row(job, found.toString(), s.newStates, s.endStates, seconds, trace, JpfFigures.today());
            JpfFigures.update(report, row);
            System.out.println("figures of " + job + " written to " + report + ": " + row.line());
        }
        System.out.println("OK: " + name + ": " + found + (trace < 0 ? "" : " (trace of " + trace + " transitions)"));
        return 0;
    }

    /** This JVM's classpath without JPF's jars: JPF brings its own model classes for the target. */
    private static String sutClasspath() {
        String jpfJar = new File(JPF.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getParent();
        StringBuilder b = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isEmpty() || new File(e).getAbsoluteFile().getParent().equals(jpfJar)) continue;
            if (b.length() > 0) b.append(',');
            b.append(e);
        }
        return b.toString();
    }

    /** The source directories of this checkout's modules on the classpath (X/target/classes: X/src/main/java), for JPF's traces. */
    private static String sourcepath() {
        StringBuilder b = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File classes = new File(e).getAbsoluteFile();
            if (!classes.getName().equals("classes") || classes.getParentFile() == null) continue;
            File src = new File(classes.getParentFile().getParentFile(), "src/main/java");
            if (!src.isDirectory()) continue;
            if (b.length() > 0) b.append(',');
            b.append(src.getPath());
        }
        return b.toString();
    }

    private static int usage(String why) {
        System.err.println("JpfLauncher: " + why);
        System.err.println("usage: JpfLauncher vcpus|model JPF_FILE OUT_DIR [--variant NAME] [--scenario all|NAME[+NAME...]] [--expect pass|invariant:INV-n|not-linearizable|race:LOCATION|deadlock] [--job NAME --report FILE] [+key=value ...]");
        return 2;
    }
}
