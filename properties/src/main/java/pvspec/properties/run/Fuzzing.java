package pvspec.properties.run;

import java.util.Optional;
import java.util.function.Supplier;
import pvspec.model.trace.Trace;

/**
 * Model-guided conformance fuzzing for a time budget: seed after seed, each a generated run of
 * {@code steps} requests checked by the property; stops at the first failure, shrunk.
 */
public final class Fuzzing {
    private Fuzzing() {}

    public record Report(long seeds, long steps, double seconds, Distribution distribution, Optional<Failure> failure) {
        public double stepsPerSecond() {
            return seconds == 0 ? 0 : steps / seconds;
        }
    }

    public static Report run(Trace world, Supplier<Property> property, long firstSeed, double seconds, int steps, double hostility,
                             Progress progress) {
        long start = System.nanoTime();
        Distribution total = new Distribution();
        long seed = firstSeed;
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() - deadline < 0) {
            Campaign c = new Campaign(world, property).until(deadline);
            Optional<Failure> f = c.run(new Settings(seed, 1, steps, hostility));
            total.addAll(c.distribution());
            seed++;
            double elapsed = (System.nanoTime() - start) / 1e9;
            progress.update(String.format("fuzz: seed %d, %d steps, %.0f steps/s, %.0f s left", seed - 1, total.steps(),
                    total.steps() / Math.max(elapsed, 1e-9), Math.max(0, seconds - elapsed)));
            if (f.isPresent()) {
                progress.done();
                return new Report(seed - firstSeed, total.steps(), elapsed, total, f);
            }
        }
        progress.done();
        return new Report(seed - firstSeed, total.steps(), (System.nanoTime() - start) / 1e9, total, Optional.empty());
    }
}
