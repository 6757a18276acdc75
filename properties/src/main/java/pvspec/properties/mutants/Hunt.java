package pvspec.properties.mutants;

import java.util.Optional;
import pvspec.guests.attack.Attack;
import pvspec.guests.attack.AttackOutcome;
import pvspec.guests.attack.AttackRunner;
import pvspec.guests.attack.Catalogue;
import pvspec.model.trace.Trace;
import pvspec.properties.run.Campaign;
import pvspec.properties.run.Conformance;
import pvspec.properties.run.Failure;
import pvspec.properties.run.Settings;

/**
 * Hunting a seeded bug: model-guided conformance fuzzing from a world, seed after seed, up to a
 * budget of generated steps; the first divergence is shrunk. Also: which attacks of the
 * catalogue the variant fails to refuse.
 */
public final class Hunt {
    private Hunt() {}

    /** What a hunt found: after how many generated steps and how long, and the shrunk trace. */
    public record Detection(Mutant mutant, long steps, double seconds, Optional<Failure> failure) {
        public boolean detected() {
            return failure.isPresent();
        }

        public int shrunkLength() {
            return failure.map(f -> f.shrunk().steps().size()).orElse(-1);
        }
    }

    public static Detection byFuzzing(Mutant m, Trace world, long firstSeed, long budgetSteps, int stepsPerRun, double hostility) {
        long start = System.nanoTime();
        long steps = 0;
        for (long seed = firstSeed; steps < budgetSteps; seed++) {
            Campaign c = new Campaign(world, () -> new Conformance(m.target()));
            Optional<Failure> f = c.run(new Settings(seed, 1, (int) Math.min(stepsPerRun, budgetSteps - steps), hostility));
            steps += c.distribution().steps();
            if (f.isPresent()) return new Detection(m, steps, (System.nanoTime() - start) / 1e9, f);
        }
        return new Detection(m, steps, (System.nanoTime() - start) / 1e9, Optional.empty());
    }

    /** The first attack the variant does not refuse as the model does, if any. */
    public static Optional<AttackOutcome> byAttacks(Mutant m) {
        for (Attack a : Catalogue.ALL) {
            AttackOutcome o = AttackRunner.run(a, m.target());
            if (!o.refused()) return Optional.of(o);
        }
        return Optional.empty();
    }
}
