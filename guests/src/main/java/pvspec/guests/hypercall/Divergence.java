package pvspec.guests.hypercall;

/** Two machines in {@link Lockstep} disagreed: at which step, on which request, and how. */
public final class Divergence extends RuntimeException {
    private final long step;

    public Divergence(long step, String line, String difference) {
        super("step " + step + " (" + line + "): " + difference);
        this.step = step;
    }

    /** The 1-based number of the step that diverged. */
    public long step() {
        return step;
    }
}
