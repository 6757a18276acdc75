package pvspec.verification.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (budget <= 0) throw new BadInput("--steps-per-mutant must be positive");
        if (show != null && Mutants.ALL.stream().noneMatch(m -> m.name().equals(show))) throw new BadInput("no variant named '" + show + "'");
        out.printf("%-30s %-8s %-58s %-18s %12s %9s %7s%n", "variant", "XSA", "bug class", "detected by", "steps", "time", "shrunk");
        int detected = 0;
        String shown = "";
        for (Mutant m : Mutants.ALL) {
            Hunt.Detection d = Hunt.byFuzzing(m, Worlds.twoGuests(), seed, budget, 400, 0.2);
            Optional<AttackOutcome> attack = Hunt.byAttacks(m);
            String by = d.detected() && attack.isPresent() ? "fuzz, attacks" : d.detected() ? "fuzz" : attack.isPresent() ? "attacks" : "NOT DETECTED";
            if (d.detected() || attack.isPresent()) detected++;
            out.printf("%-30s %-8s %-58s %-18s %12d %8.2fs %7s%n", m.name(), m.xsa(), m.bugClass(), by, d.steps(), d.seconds(),
                    d.detected() ? Integer.toString(d.shrunkLength()) : "-");
            out.flush();
            if (m.name().equals(show) && d.detected()) shown = d.failure().get().report();
        }
        out.printf("%d of %d variants detected (fuzzing budget %d steps each)%n", detected, Mutants.ALL.size(), budget);
        out.print(shown);
        return detected == Mutants.ALL.size() ? Pvspec.HOLDS : Pvspec.VIOLATION;
    }
}
