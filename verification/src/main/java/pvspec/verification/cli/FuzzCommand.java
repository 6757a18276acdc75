package pvspec.verification.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.guests.hypercall.Target;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;
import pvspec.properties.run.Conformance;
import pvspec.properties.run.Fuzzing;
import pvspec.properties.run.Progress;
import pvspec.properties.run.Property;
import pvspec.properties.run.Worlds;
import pvspec.verification.replay.Replayer;

/** {@code pvspec fuzz}: random model-guided conformance testing, failures shrunk to minimal traces. */
@Command(name = "fuzz", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Random model-guided conformance testing of the hypervisor against the model (and every invariant); a failure is shrunk to a minimal trace.",
        footer = {"", "Examples:", "  pvspec fuzz --seconds 60", "  pvspec fuzz --seconds 10 --seed 42 --steps 2000 --hostility 0.5", "",
                "Exit: 0 nothing found within the budget, 1 a divergence or violation (its shrunk trace is printed), 2 bad input."})
final class FuzzCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A failing run is kept whole for shrinking, so a run's length bounds the memory fuzzing needs. */
    static final int MAX_STEPS = 1_000_000;

    @CommandLine.Option(names = "--seconds", defaultValue = "30", description = "Time budget, kept to within a second (default ${DEFAULT-VALUE}).")
    double seconds;

    @CommandLine.Option(names = "--seed", defaultValue = "1", description = "First seed (default ${DEFAULT-VALUE}); each run uses the next.")
    long seed;

    @CommandLine.Option(names = "--steps", defaultValue = "400", description = "Requests per run, at most 1,000,000 (default ${DEFAULT-VALUE}).")
    int steps;

    @CommandLine.Option(names = "--hostility", defaultValue = "0.2", description = "Share of hostile or malformed requests, 0 to 1 (default ${DEFAULT-VALUE}).")
    double hostility;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!(seconds > 0 && seconds <= 366 * 86_400.0)) throw new BadInput("--seconds must be a positive number of seconds (at most a year), found " + seconds);
        if (steps <= 0 || steps > MAX_STEPS) throw new BadInput("--steps must be 1 to " + MAX_STEPS + " (a failing run is kept whole for shrinking), found " + steps);
        if (!(hostility >= 0 && hostility <= 1)) throw new BadInput("--hostility must be a number from 0 to 1, found " + hostility);
        List<Target> targets = Replayer.implementations();
        Fuzzing.Report r = Fuzzing.run(Worlds.twoGuests(), () -> all(targets), seed, seconds, steps, hostility, Progress.onStderr(spec.commandLine().getErr()));
        out.print(r.distribution().table());
        out.printf("fuzz: %d seeds (%d..%d), %d generated steps in %.1f s (%.0f steps/s), checked against %s%n", r.seeds(), seed,
                seed + r.seeds() - 1, r.steps(), r.seconds(), r.stepsPerSecond(), names(targets));
        if (r.failure().isPresent()) {
            out.print(r.failure().get().report());
            return Pvspec.VIOLATION;
        }
        out.println("fuzz: no divergence and no invariant violation found");
        return Pvspec.HOLDS;
    }

    private static String names(List<Target> targets) {
        List<String> n = new ArrayList<>(List.of("the invariants"));
        for (Target t : targets) n.add(t.name());
        return String.join(", ", n);
    }

    /** Conformance of every implementation at once (the invariants are checked by each, and with none by the first). */
    private static Property all(List<Target> targets) {
        List<Property> parts = new ArrayList<>();
        for (Target t : targets) parts.add(new Conformance(t));
        if (parts.isEmpty()) parts.add(new Conformance(pvspec.guests.hypercall.Targets.MODEL));
        return new Property() {
            @Override public String name() { return "conformance and invariants"; }

            @Override public void start(State s) { for (Property p : parts) p.start(s); }

            @Override
            public Optional<String> afterStep(State before, TraceStep step, Outcome o) {
                for (Property p : parts) {
                    Optional<String> why = p.afterStep(before, step, o);
                    if (why.isPresent()) return why;
                }
                return Optional.empty();
            }
        };
    }
}
