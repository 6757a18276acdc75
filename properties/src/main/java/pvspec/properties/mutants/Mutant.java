package pvspec.properties.mutants;

import java.util.function.Supplier;
import pvspec.guests.hypercall.HypervisorHypercalls;
import pvspec.guests.hypercall.Target;
import pvspec.hypervisor.Checks;
import pvspec.hypervisor.Hypervisor;
import pvspec.hypervisor.seeded.SeededBug;

/**
 * A seeded-bug variant of the hypervisor: its {@link Checks} with exactly one check removed or
 * weakened, named after the Xen security advisory (or bug class) that check closed. The
 * hypervisor's own code is untouched: the variant is a subclass passed at construction.
 */
public record Mutant(String name, String xsa, String bugClass, Supplier<Checks> checks) {

    /** The registry's seeded bug as a variant. */
    public static Mutant of(SeededBug bug) {
        return new Mutant(bug.id(), bug.xsa(), bug.bugClass(), bug::checks);
    }

    /** Machines of this variant, as guests and property suites run them. */
    public Target target() {
        return new Target(name, c -> new HypervisorHypercalls(Hypervisor.boot(c, checks.get())));
    }
}
