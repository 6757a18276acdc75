package pvspec.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckProperties;
import pvspec.checker.report.CheckReport;
import pvspec.checker.config.HypervisorUnderTest;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.config.Options;
import pvspec.checker.config.CheckConfigException;
import pvspec.checker.search.SearchEngine;
import pvspec.properties.mutants.Mutant;

/** {@code pvspec check}: exhaustive model checking of the model (and, on request, of the hypervisor against it). */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  pvspec check", "  pvspec check --depth 3 --seconds 600", "  pvspec check --config my.check --conformance",
                "  java -jar spark/target/pvspec-spark.jar check --engine spark --master 'local[2]'   (the Spark engine: the spark module's jar)", "",
                "Exit: 0 holds (complete within the bounds), 1 a violation (shortest trace printed), 2 bad input, 3 inconclusive, 4 internal error."},
        description = "Exhaustive, breadth-first model checking of the model from a configuration; "
        + "prints the shortest counterexample trace on a violation.")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--config", defaultValue = "small", paramLabel = "small|FILE",
            description = "A built-in configuration or a checking file (a trace with #! directives); default ${DEFAULT-VALUE}.")
    String config;

    @CommandLine.Option(names = "--depth", paramLabel = "N", description = "Explore N steps deep (default: the configuration's).")
    Integer depth;

    @CommandLine.Option(names = {"--workers", "--threads"}, paramLabel = "auto|N", defaultValue = "auto",
            description = "Worker threads: auto (every core, the default) or N. --threads is an alias.")
    String workers;

    @CommandLine.Option(names = "--states", paramLabel = "N", description = "Stop (reported as cut) after N distinct states.")
    Long states;

    @CommandLine.Option(names = "--seconds", paramLabel = "N", description = "Stop (reported as cut) after N seconds.")
    Long seconds;

    @CommandLine.Option(names = "--fingerprint", description = "Keep 64-bit fingerprints of states (the default; the report gives the collision probability); "
            + "beyond --fingerprints-in-memory they move to a sorted file on disk, so memory stays bounded.")
    boolean fingerprint;

    @CommandLine.Option(names = "--exact", description = "Keep the states' encodings instead of fingerprints: no collisions, but memory grows with the states.")
    boolean exact;

    @CommandLine.Option(names = "--fingerprints-in-memory", paramLabel = "N",
            description = "Fingerprints kept in memory before they spill to disk (default: a quarter of the heap, 16 bytes each).")
    Long fingerprintsInMemory;

    @CommandLine.Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Where checkpoints (and spilled fingerprints) go (default: a new directory under the system's temporary directory).")
    Path checkpoint;

    @CommandLine.Option(names = "--checkpoint-minutes", paramLabel = "N", defaultValue = "10",
            description = "Checkpoint every N minutes, at the end of the level then being expanded; 0: only when cut or interrupted (default ${DEFAULT-VALUE}).")
    long checkpointMinutes;

    @CommandLine.Option(names = "--recover", paramLabel = "DIR",
            description = "Resume the search from the checkpoint in DIR (same configuration and options; it goes on checkpointing there).")
    Path recover;

    @CommandLine.Option(names = "--conformance", description = "Also run the hypervisor on every explored transition and compare result and state with the model.")
    boolean conformance;

    @CommandLine.Option(names = "--no-reductions", description = "Switch off the independence and symmetry reductions.")
    boolean unreduced;

    @CommandLine.Option(names = "--mutant", paramLabel = "NAME", description = "Conformance mode against this seeded-bug hypervisor (names: pvspec mutants).")
    String mutant;

    @CommandLine.Option(names = "--invariant", paramLabel = "CLASS", description = "Also check this pvspec.model.invariant.Invariant implementation (on the class path; repeatable).")
    List<String> invariants = new ArrayList<>();

    @CommandLine.Option(names = "--trace-out", paramLabel = "FILE", description = "Write the shortest counterexample, witness or divergence to FILE, a trace pvspec replay runs.")
    Path traceOut;

    @CommandLine.Option(names = "--json", description = "Print the final report as JSON (progress goes to standard error).")
    boolean json;

    @CommandLine.Option(names = "--coverage", description = "Also print how often each request template's requests succeeded and were refused.")
    boolean templateCoverage;

    @CommandLine.Option(names = "--engine", paramLabel = "builtin|spark", defaultValue = BUILTIN,
            description = "builtin: this JVM's search (the default); spark: the search on Apache Spark, in the spark module's jar "
                    + "(" + SPARK_JAR + "), not in pvspec.jar.")
    String engine;

    @CommandLine.Option(names = "--master", paramLabel = "URL",
            description = "--engine spark: the Spark master (default: the one spark-submit gives, else local[*]).")
    String master;

    @CommandLine.Option(names = "--partitions", paramLabel = "N",
            description = "--engine spark: hash partitions of the visited set and of each level (default: four per core).")
    Integer partitions;

    @CommandLine.Option(names = "--shuffle", description = "--engine spark: also print each level's shuffle (bytes, records, time).")
    boolean shuffle;

    static final String BUILTIN = "builtin";
    static final String SPARK_JAR = "spark/target/pvspec-spark.jar";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckConfig c = Inputs.checkConfig(config);
        if (!BUILTIN.equals(engine)) return onEngine(out, c);
        if (master != null || partitions != null || shuffle) throw new BadInput("--master, --partitions and --shuffle apply to --engine spark only");
        CheckProperties props = c.properties();
        for (String name : invariants) props = props.withInvariant(InvariantLoader.load(name));
        c = c.withProperties(props);
        Mutant m = mutant == null ? null : Inputs.mutant(mutant);
        if (traceOut != null) Outputs.requireWritable(traceOut, "--trace-out");
        Options o = Options.defaults();
        if (unreduced) o = o.unreduced();
        if (depth != null) o = o.withDepth((int) positive(depth, "--depth"));
        o = o.withThreads(workers(workers));
        if (states != null) o = o.withMaxStates(positive(states, "--states"));
        if (seconds != null) o = o.withTimeLimitMillis(positive(seconds, "--seconds") * 1000);
        if (fingerprint && exact) throw new BadInput("--fingerprint and --exact exclude each other");
        o = o.withFingerprint(!exact);
        if (conformance) o = o.withImplementation(HypervisorUnderTest.standard());
        if (m != null) o = o.withImplementation(HypervisorUnderTest.with(m.checks()));
        if (fingerprintsInMemory != null) o = o.withFingerprintsInMemory(positive(fingerprintsInMemory, "--fingerprints-in-memory"));
        if (checkpointMinutes < 0) throw new BadInput("--checkpoint-minutes must not be negative");
        Path dir = recover != null ? recover : checkpoint != null ? checkpoint : temporaryCheckpointDir();
        o = o.withCheckpoints(dir, checkpointMinutes * 60_000).withProgressMillis(PROGRESS_MILLIS);
        if (recover != null) {
            if (!Files.isRegularFile(recover.resolve("checkpoint.bin"))) throw new BadInput(recover + ": no checkpoint here (checkpoint.bin)");
            o = o.withRecoverFrom(recover);
        }
        PrintWriter progress = spec.commandLine().getErr(); // stdout holds only the report
        CheckReport r;
        long[] onDisk = {0};
        try {
            long[] next = {PROGRESS_MILLIS};
            r = ModelChecker.run(c, o, p -> {
                onDisk[0] = Math.max(onDisk[0], p.onDisk());
                if (p.elapsedMillis() < next[0]) return; // the search also reports at the end of each level
                next[0] = p.elapsedMillis() + PROGRESS_MILLIS;
                progress.println(p.line());
                progress.flush();
            });
        } catch (IllegalArgumentException e) {
            if (recover == null) throw e;
            throw new BadInput(e.getMessage());
        }
        out.print(json ? r.toJson() : r.summary());
        if (!json && onDisk[0] > 0) out.printf("  on disk        %,d fingerprints (at most %,d in memory)%n", onDisk[0], o.fingerprintsInMemory());
        if (!json && !r.complete() && r.holds()) out.printf("  checkpoint     %s (resume with --recover %s)%n", dir, dir);
        return finish(out, r);
    }

    /**
     * {@code --engine NAME}: the engine found on the class path (see {@link SearchEngine}) runs the
     * search; the report, {@code --coverage}, {@code --trace-out} and the exit code are the
     * built-in engine's. Options of the built-in search alone are refused, never ignored.
     */
    private int onEngine(PrintWriter out, CheckConfig c) {
        String only = builtInOnly();
        if (only != null) throw new BadInput(only + " applies to --engine builtin only, not to --engine " + engine);
        if (c.maxStates().isPresent()) throw new BadInput(config + ": its '#! states' bound applies to --engine builtin only, not to --engine " + engine);
        if (depth != null) positive(depth, "--depth");
        if (partitions != null) positive(partitions, "--partitions");
        SearchEngine e = SearchEngine.find(engine).orElseThrow(() -> new BadInput(noEngine(engine)));
        if (traceOut != null) Outputs.requireWritable(traceOut, "--trace-out");
        SearchEngine.Job job = new SearchEngine.Job(CheckConfig.isBuiltIn(config) ? config : Path.of(config).toString(), Inputs.checkText(config),
                depth == null ? OptionalInt.empty() : OptionalInt.of(depth), !unreduced, master, partitions == null ? 0 : partitions, shuffle);
        CheckReport r;
        try {
            r = e.check(job, out);
        } catch (SearchEngine.Unusable | CheckConfigException x) {
            throw new BadInput(x.getMessage());
        }
        out.print(json ? r.toJson() : r.summary());
        return finish(out, r);
    }

    /** The message when {@code --engine NAME} is not on the class path: Spark is in its own jar. */
    static String noEngine(String name) {
        if (!"spark".equals(name)) return "--engine must be builtin or spark, not '" + name + "'";
        return "--engine spark is not in pvspec.jar (Spark is kept out of it): run the spark module's jar, which has the same check command, "
                + "java -jar " + SPARK_JAR + " check --engine spark [--master URL] ... (build it with mvn -B -pl spark -am package -DskipTests; "
                + "on a cluster: spark-submit --class pvspec.spark.cli.PvspecSpark --master URL " + SPARK_JAR + " check --engine spark ...)";
    }

    /** The first option given that only the built-in search has, or null. */
    private String builtInOnly() {
        if (!"auto".equals(workers)) return "--workers";
        if (states != null) return "--states";
        if (seconds != null) return "--seconds";
        if (exact) return "--exact";
        if (fingerprintsInMemory != null) return "--fingerprints-in-memory";
        if (checkpoint != null) return "--checkpoint";
        if (recover != null) return "--recover";
        if (conformance) return "--conformance";
        if (mutant != null) return "--mutant";
        if (!invariants.isEmpty()) return "--invariant";
        return null;
    }

    /** What every engine prints after its report: the coverage table, the trace file; then the exit code. */
    private int finish(PrintWriter out, CheckReport r) {
        if (templateCoverage && !json) out.print("\nrequest templates (executed transitions; the independence reduction's skipped ones not counted)\n" + r.templateTable());
        if (traceOut != null) {
            if (r.trace().isPresent()) Outputs.write(traceOut, r.trace().get(), "--trace-out");
            (json ? spec.commandLine().getErr() : out).println(r.trace().isPresent() ? "trace written to " + traceOut : "no trace to write: " + traceOut + " not written");
        }
        return exitCode(r);
    }

    /** Progress is printed every 10 s. */
    static final long PROGRESS_MILLIS = 10_000;

    private static int workers(String spec) {
        try {
            return Options.workers(spec);
        } catch (NumberFormatException e) {
            throw new BadInput("--workers must be auto or a positive number, not '" + spec + "'");
        }
    }

    private static Path temporaryCheckpointDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "pvspec-check-" + ProcessHandle.current().pid());
    }

    /** The exit-code table of {@link Pvspec}: 0 holds on a complete search, 1 found something, 3 cut before finding anything. */
    static int exitCode(CheckReport r) {
        switch (r.outcome()) {
            case "holds": return Pvspec.HOLDS;
            case "inconclusive": return Pvspec.INCONCLUSIVE;
            default: return Pvspec.VIOLATION;
        }
    }

    private static long positive(long v, String option) {
        if (v <= 0) throw new BadInput(option + " must be positive");
        return v;
    }
}
