package pvspec.guests.testing;

import java.util.stream.Stream;
import pvspec.guests.hypercall.Target;
import pvspec.guests.hypercall.Targets;

/** Parameter source: every implementation guests run on (the model now, the hypervisor once registered). */
public final class TargetSource {
    private TargetSource() {}

    public static Stream<Target> targets() {
        return Targets.all().stream();
    }
}
