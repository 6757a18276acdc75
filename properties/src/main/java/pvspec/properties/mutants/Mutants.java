package pvspec.properties.mutants;

import java.util.List;
import pvspec.hypervisor.seeded.SeededBug;

/**
 * The sequential seeded bugs of the registry ({@link SeededBug}), as hypervisor variants the
 * property suites and {@code pvspec mutants} run; the concurrency ones are JPF's.
 */
public final class Mutants {
    private Mutants() {}

    public static final List<Mutant> ALL = SeededBug.sequential().stream().map(Mutant::of).toList();

    public static Mutant byName(String name) {
        for (Mutant m : ALL) if (m.name().equals(name)) return m;
        throw new IllegalArgumentException("no mutant " + name);
    }
}
