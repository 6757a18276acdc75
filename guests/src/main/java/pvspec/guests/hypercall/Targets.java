package pvspec.guests.hypercall;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The implementations guests run on: the model always, and whatever {@link HypercallsProvider}s
 * are on the class path (the hypervisor, once its adapter is registered). Parameterized tests use
 * {@link #all()} as their source, so they cover every implementation without change.
 */
public final class Targets {
    private Targets() {}

    public static final Target MODEL = new Target("model", ModelHypercalls::new);

    public static List<Target> all() {
        List<Target> out = new ArrayList<>();
        out.add(MODEL);
        for (HypercallsProvider p : ServiceLoader.load(HypercallsProvider.class)) out.add(new Target(p.name(), p::boot));
        return out;
    }
}
