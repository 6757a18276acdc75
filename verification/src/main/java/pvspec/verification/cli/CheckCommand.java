package pvspec.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.checker.CheckConfig;
import pvspec.checker.CheckProperties;
import pvspec.checker.CheckReport;
import pvspec.checker.HypervisorUnderTest;
import pvspec.checker.ModelChecker;
import pvspec.checker.Options;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.run.Progress;

/** {@code pvspec check}: exhaustive model checking of the model (and, on request, of the hypervisor against it). */
@Command(name = "check", description = "Exhaustive, breadth-first model checking of the model from a configuration; "
        + "prints the shortest counterexample trace on a violation.")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--config", defaultValue = "small", paramLabel = "small|FILE",
            description = "A built-in configuration or a checking file (a trace with #! directives); default ${DEFAULT-VALUE}.")
    String config;

    @CommandLine.Option(names = "--depth", paramLabel = "N", description = "Explore N steps deep (default: the configuration's).")
    Integer depth;

    @CommandLine.Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @CommandLine.Option(names = "--states", paramLabel = "N", description = "Stop (reported as cut) after N distinct states.")
    Long states;

    @CommandLine.Option(names = "--seconds", paramLabel = "N", description = "Stop (reported as cut) after N seconds.")
    Long seconds;

    @CommandLine.Option(names = "--fingerprint", description = "Keep 64-bit fingerprints instead of exact states (prints the collision probability).")
    boolean fingerprint;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckConfig c = Inputs.checkConfig(config);
        CheckProperties props = c.properties();
        for (String name : invariants) props = props.withInvariant(InvariantLoader.load(name));
        c = c.withProperties(props);
        Mutant m = mutant == null ? null : Inputs.mutant(mutant);
        if (traceOut != null) Inputs.output(traceOut, "--trace-out");
        Options o = Options.defaults();
        if (unreduced) o = o.unreduced();
        if (depth != null) o = o.withDepth((int) positive(depth, "--depth"));
        if (threads != null) o = o.withThreads((int) positive(threads, "--threads"));
        if (states != null) o = o.withMaxStates(positive(states, "--states"));
        if (seconds != null) o = o.withTimeLimitMillis(positive(seconds, "--seconds") * 1000);
        if (fingerprint) o = o.withFingerprint(true);
        if (conformance) o = o.withImplementation(HypervisorUnderTest.standard());
        if (m != null) o = o.withImplementation(HypervisorUnderTest.with(m.checks()));
        Progress progress = json ? new Progress(spec.commandLine().getErr(), false) : Progress.onStdout(out);
        CheckReport r = ModelChecker.run(c, o, p -> progress.update(p.line()));
        progress.done();
        out.print(json ? r.toJson() : r.summary());
        if (templateCoverage && !json) out.print("\nrequest templates (executed transitions; the independence reduction's skipped ones not counted)\n" + r.templateTable());
        if (traceOut != null) {
            if (r.trace().isPresent()) Inputs.write(traceOut, r.trace().get(), "--trace-out");
            (json ? spec.commandLine().getErr() : out).println(r.trace().isPresent() ? "trace written to " + traceOut : "no trace to write: " + traceOut + " not written");
        }
        return exitCode(r);
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
