package pvspec.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.report.CheckReport;
import pvspec.checker.config.HypervisorUnderTest;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.config.Options;
import pvspec.guests.attack.AttackOutcome;
import pvspec.hypervisor.seeded.SeededBug;
import pvspec.properties.mutants.Hunt;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;
import pvspec.properties.run.Worlds;

/** {@code pvspec mutants}: how the checkers fare against the seeded-bug variants of the hypervisor. */
@Command(name = "mutants", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run the checkers against the catalogue of seeded-bug hypervisor variants (one per historical bug class) and print what detected each, how fast, and the shrunk trace length.",
        footer = {"", "Examples:", "  pvspec mutants", "  pvspec mutants --steps-per-mutant 5000 --check-seconds 0",
                "  pvspec mutants --show no-flush-on-retype --trace-only > flush.trace", "",
                "Exit: 0 every variant detected, 1 a variant was not, 2 bad input."})
final class MutantsCommand implements Callable<Integer> {
    static final long MAX_CHECK_SECONDS = 86_400;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--steps-per-mutant", defaultValue = "20000", description = "Fuzzing budget per variant, in generated steps (default ${DEFAULT-VALUE}).")
    long budget;

    @CommandLine.Option(names = "--seed", defaultValue = "1", description = "First seed (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Option(names = "--show", paramLabel = "NAME", description = "Also print the shrunk trace of this variant.")
    String show;

    @CommandLine.Option(names = "--check-seconds", defaultValue = "120", description = "Time for the model checker's conformance mode per variant, 0 to skip (default ${DEFAULT-VALUE}).")
    long checkSeconds;

    @CommandLine.Option(names = "--trace-only", description = "With --show: hunt only that variant (by fuzzing) and print its shrunk trace alone.")
    boolean traceOnly;

    @CommandLine.Option(names = "--out", paramLabel = "FILE", description = "With --show: write the shrunk trace to FILE.")
    Path traceFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (budget <= 0) throw new BadInput("--steps-per-mutant must be positive");
        if (checkSeconds < 0) throw new BadInput("--check-seconds must be 0 (skip) or more");
        if (checkSeconds > MAX_CHECK_SECONDS) throw new BadInput("--check-seconds at most " + MAX_CHECK_SECONDS + " (one day) per variant");
        if (show != null) Inputs.mutant(show);
        if ((traceOnly || traceFile != null) && show == null) throw new BadInput("--trace-only and --out need --show NAME");
        if (traceFile != null) Outputs.requireWritable(traceFile, "--out");
        if (traceOnly) return traceOnly(out);
        CheckConfig small = CheckConfig.small();
        out.printf("%-30s %-8s %-24s %9s %8s %7s   %-22s%n", "variant", "XSA", "detected by", "fuzz: steps", "time", "shrunk", "check (conformance mode)");
        int detected = 0;
        String shown = "";
        String shownTrace = "";
        for (Mutant m : Mutants.ALL) {
            Hunt.Detection d = Hunt.byFuzzing(m, Worlds.forVariant(m.name()), seed, budget, 400, 0.2);
            Optional<AttackOutcome> attack = Hunt.byAttacks(m);
            String check = "skipped";
            boolean checked = false;
            if (checkSeconds > 0) {
                CheckReport r = ModelChecker.run(small, Options.defaults().withImplementation(HypervisorUnderTest.with(m.checks()))
                        .withTimeLimitMillis(checkSeconds * 1000));
                checked = r.divergence().isPresent();
                check = checked ? String.format("depth %d, %.1fs", r.depth(), r.elapsedMillis() / 1e3)
                        : r.complete() ? "none within the bounds" : "not within " + checkSeconds + "s";
            }
            List<String> by = new ArrayList<>();
            if (d.detected()) by.add("fuzz");
            if (checked) by.add("check");
            if (attack.isPresent()) by.add("attacks");
            if (!by.isEmpty()) detected++;
            out.printf("%-30s %-8s %-24s %9d %7.2fs %7s   %-22s%n", m.name(), m.xsa(), by.isEmpty() ? "NOT DETECTED" : String.join(", ", by),
                    d.steps(), d.seconds(), d.detected() ? Integer.toString(d.shrunkLength()) : "-", check);
            out.flush();
            if (m.name().equals(show) && d.detected()) {
                shown = d.failure().get().report();
                shownTrace = d.failure().get().shrunk().print();
            }
        }
        out.printf("%d of %d variants detected (fuzzing budget %d steps each)%n", detected, Mutants.ALL.size(), budget);
        for (SeededBug b : SeededBug.concurrency()) {
            out.printf("%-30s %-8s concurrency seed: one request at a time cannot show it (no check, fuzz or attack column); found by %s"
                    + " (mvn -Pjpf) and by Lincheck on every build (SeededRacesAreFoundByLincheck)%n",
                    b.id(), b.xsa(), String.join(", ", b.foundBy().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList()));
        }
        if (traceFile != null && !shown.isEmpty()) {
            Outputs.write(traceFile, shownTrace, "--out");
            out.println("wrote the shrunk trace of " + show + " to " + traceFile);
        } else {
            out.print(shown);
        }
        return detected == Mutants.ALL.size() ? Pvspec.HOLDS : Pvspec.VIOLATION;
    }

    /** Only the shown variant, by fuzzing: its shrunk trace alone (or to --out). */
    private int traceOnly(PrintWriter out) {
        Mutant m = Mutants.ALL.stream().filter(x -> x.name().equals(show)).findFirst().orElseThrow();
        Hunt.Detection d = Hunt.byFuzzing(m, Worlds.forVariant(m.name()), seed, budget, 400, 0.2);
        if (!d.detected()) {
            spec.commandLine().getErr().println("mutants: " + show + " not detected within " + budget + " generated steps");
            return Pvspec.VIOLATION;
        }
        String trace = d.failure().get().shrunk().print();
        if (traceFile != null) Outputs.write(traceFile, trace, "--out");
        else out.print(trace);
        return Pvspec.HOLDS;
    }
}
