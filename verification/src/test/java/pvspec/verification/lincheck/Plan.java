package pvspec.verification.lincheck;

import java.util.ArrayList;
import java.util.List;
import pvspec.verification.jpf.Scenario;

/**
 * How much of each scenario the Lincheck tests explore on every build: every {@code stride}-th
 * choice vector (offset by the scenario's position, so that different programs are sampled),
 * each for up to {@code invocations} interleavings. Both can be raised for longer runs:
 * {@code -Dpvspec.lincheck.stride=1 -Dpvspec.lincheck.invocations=1000}.
 */
final class Plan {
    private Plan() {}

    /** Model checking: interleavings per choice vector. */
    static final int INVOCATIONS = Integer.getInteger("pvspec.lincheck.invocations", 25);
    /** Model checking: one choice vector in this many. */
    static final int STRIDE = Integer.getInteger("pvspec.lincheck.stride", 6);
    /** Stress: runs per choice vector (every vector). */
    static final int STRESS_INVOCATIONS = Integer.getInteger("pvspec.lincheck.stress.invocations", 20);

    static List<Integer> sample(Scenario sc, int position, int stride) {
        List<Integer> v = new ArrayList<>();
        for (int i = position % stride; i < sc.vectors(); i += stride) v.add(i);
        return v;
    }

    static List<Integer> all(Scenario sc) {
        return sample(sc, 0, 1);
    }
}
