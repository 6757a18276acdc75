package pvspec.verification.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.checker.CheckConfig;
import pvspec.checker.CheckReport;
import pvspec.checker.HypervisorUnderTest;
import pvspec.checker.ModelChecker;
import pvspec.checker.Options;
import pvspec.properties.run.Progress;

/** {@code pvspec check}: exhaustive model checking of the model (and, on request, of the hypervisor against it). */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  pvspec check", "  pvspec check --depth 3 --seconds 600", "  pvspec check --config my.check --conformance", "",
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckConfig c = Inputs.checkConfig(config);
        Options o = Options.defaults();
        if (unreduced) o = o.unreduced();
        if (depth != null) o = o.withDepth((int) positive(depth, "--depth"));
        if (threads != null) o = o.withThreads((int) positive(threads, "--threads"));
        if (states != null) o = o.withMaxStates(positive(states, "--states"));
        if (seconds != null) o = o.withTimeLimitMillis(positive(seconds, "--seconds") * 1000);
        if (fingerprint) o = o.withFingerprint(true);
        if (conformance) o = o.withImplementation(HypervisorUnderTest.standard());
        Progress progress = Progress.onStderr(spec.commandLine().getErr());
        CheckReport r = ModelChecker.run(c, o, p -> progress.update(p.line()));
        progress.done();
        out.print(r.summary());
        return r.holds() ? Pvspec.HOLDS : Pvspec.VIOLATION;
    }

    private static long positive(long v, String option) {
        if (v <= 0) throw new BadInput(option + " must be positive");
        return v;
    }
}
