package pvspec.checker.config;

import java.util.function.Supplier;
import pvspec.hypervisor.Checks;
import pvspec.hypervisor.Hypervisor;
import pvspec.model.abi.check.Reply;

/**
 * The hypervisor as conformance mode's implementation: built from the source model state
 * ({@link Hypervisor#fromModel}), it runs the request and reports its abstract state.
 */
public final class HypervisorUnderTest {
    private HypervisorUnderTest() {}

    /** Xen's checks. */
    public static Supplier<Implementation> standard() {
        return with(Checks::new);
    }

    /** A variant's checks (a seeded bug). */
    public static Supplier<Implementation> with(Supplier<Checks> checks) {
        return () -> (s, c, h) -> {
            Hypervisor hv = Hypervisor.fromModel(s, checks.get());
            Reply r = hv.call(c, h);
            return new Implementation.Observed(r, hv.abstractState());
        };
    }
}
