package pvspec.verification.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.checker.CheckConfig;
import pvspec.checker.CheckReport;
import pvspec.checker.HypervisorUnderTest;
import pvspec.checker.ModelChecker;
import pvspec.checker.Options;
import pvspec.guests.attack.AttackOutcome;
import pvspec.properties.mutants.Hunt;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;
import pvspec.properties.run.Worlds;

/** {@code pvspec mutants}: how the checkers fare against the seeded-bug variants of the hypervisor. */
@Command(name = "mutants", description = "Run the checkers against the catalogue of seeded-bug hypervisor variants (one per historical bug class) and print what detected each, how fast, and the shrunk trace length.")
final class MutantsCommand implements Callable<Integer> {
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (budget <= 0) throw new BadInput("--steps-per-mutant must be positive");
        if (show != null) Inputs.mutant(show);
        CheckConfig small = CheckConfig.small();
        out.printf("%-30s %-8s %-24s %9s %8s %7s   %-22s%n", "variant", "XSA", "detected by", "fuzz: steps", "time", "shrunk", "check (conformance mode)");
        int detected = 0;
        String shown = "";
        for (Mutant m : Mutants.ALL) {
            Hunt.Detection d = Hunt.byFuzzing(m, Worlds.twoGuests(), seed, budget, 400, 0.2);
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
            if (m.name().equals(show) && d.detected()) shown = d.failure().get().report();
        }
        out.printf("%d of %d variants detected (fuzzing budget %d steps each)%n", detected, Mutants.ALL.size(), budget);
        out.print(shown);
        return detected == Mutants.ALL.size() ? Pvspec.HOLDS : Pvspec.VIOLATION;
    }
}
