package pvspec.guests.testing;

import pvspec.guests.hypercall.HypercallsProvider;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.ModelHypercalls;
import pvspec.model.state.Config;

/**
 * A stand-in for the hypervisor until it lands: a second, independent model machine, registered
 * (test class path only) the way the hypervisor's adapter will be. It proves the plumbing — the
 * service lookup, the parameterized tests, lockstep conformance — on every build; the hypervisor
 * adds its provider beside it (or replaces it).
 */
public final class SecondModelProvider implements HypercallsProvider {
    @Override
    public String name() {
        return "model-copy";
    }

    @Override
    public Hypercalls boot(Config config) {
        return new ModelHypercalls(config);
    }
}
