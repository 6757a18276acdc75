package pvspec.guests.hypercall;

import pvspec.model.state.Config;

/**
 * A service ({@code META-INF/services/pvspec.guests.hypercall.HypercallsProvider}) that makes
 * fresh machines of one implementation. The model's is built in ({@link Targets}); the hypervisor
 * adds its own with one adapter class and one line in that file, and every test written against
 * {@link Targets#all()} then runs on it too.
 */
public interface HypercallsProvider {

    /** A short name for test reports: {@code model}, {@code hypervisor}. */
    String name();

    /** A new machine in its boot state (only dom0, no frames) for {@code config}. */
    Hypercalls boot(Config config);
}
