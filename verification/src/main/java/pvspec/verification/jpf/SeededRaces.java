package pvspec.verification.jpf;

import java.util.ArrayList;
import java.util.List;
import pvspec.hypervisor.Checks;
import pvspec.hypervisor.seeded.SeededBug;

/**
 * The seeded concurrency bugs for the concurrent-vCPU harness, by the names the JPF profile
 * uses: the concurrency entries of the seeded-bug registry ({@link SeededBug}), plus
 * {@link #NONE}. Harness 1 must find each under JPF (the {@code jpf} profile runs them,
 * expecting the error); runs without interleavings cannot.
 */
public final class SeededRaces {
    private SeededRaces() {}

    /** Xen's checks and locking. */
    public static final String NONE = "none";

    /** {@link SeededBug#PEER_UNLOCKED}. */
    public static final String PEER_UNLOCKED = SeededBug.PEER_UNLOCKED.id();

    /** {@link SeededBug#WAITS_OUT_OF_ORDER}. */
    public static final String WAITS_OUT_OF_ORDER = SeededBug.WAITS_OUT_OF_ORDER.id();

    /** {@link SeededBug#TLB_HOLDER_PLAIN}. */
    public static final String TLB_HOLDER_PLAIN = SeededBug.TLB_HOLDER_PLAIN.id();

    public static String[] names() {
        List<String> out = new ArrayList<>(List.of(NONE));
        for (SeededBug b : SeededBug.concurrency()) out.add(b.id());
        return out.toArray(new String[0]);
    }

    public static Checks checks(String name) {
        if (name.equals(NONE)) return new Checks();
        for (SeededBug b : SeededBug.concurrency()) if (b.id().equals(name)) return b.checks(); // plain loop: JPF runs this
        throw new IllegalArgumentException("no seeded race " + name);
    }
}
