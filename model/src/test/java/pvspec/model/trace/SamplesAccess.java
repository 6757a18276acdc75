package pvspec.model.trace;

import java.util.List;
import pvspec.model.abi.Hypercall;

/** Gives other test packages the sample requests. */
public final class SamplesAccess {
    private SamplesAccess() {}

    public static List<Hypercall> all() {
        return Samples.ALL;
    }
}
