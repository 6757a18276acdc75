package pvspec.guests.hypercall;

import pvspec.hypervisor.Hypervisor;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/** The executable hypervisor as guests see it. It is thread-safe itself, so calls go straight through. */
public final class HypervisorHypercalls implements Hypercalls {
    private final Hypervisor hv;

    public HypervisorHypercalls(Hypervisor hv) {
        this.hv = hv;
    }

    @Override
    public Config config() {
        return hv.config();
    }

    @Override
    public Reply call(Caller caller, Hypercall call) {
        return hv.call(caller, call);
    }

    @Override
    public State abstractState() {
        return hv.abstractState();
    }

    /** Registered in {@code META-INF/services}, so {@link Targets#all()} includes the hypervisor. */
    public static final class Provider implements HypercallsProvider {
        @Override
        public String name() {
            return "hypervisor";
        }

        @Override
        public Hypercalls boot(Config config) {
            return new HypervisorHypercalls(Hypervisor.boot(config));
        }
    }
}
