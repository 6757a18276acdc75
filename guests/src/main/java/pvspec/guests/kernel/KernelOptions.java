package pvspec.guests.kernel;

/**
 * How a {@link PvKernel} boots.
 *
 * @param spare empty virtual pages to leave after its frames, for grant mappings
 * @param touchStride touch every this-many-th data page (1: all of them)
 * @param shutdown end with {@code SCHEDOP_shutdown} (a domU); dom0 keeps running
 */
public record KernelOptions(int spare, int touchStride, boolean shutdown) {
    public KernelOptions {
        if (spare < 0 || touchStride < 1) throw new IllegalArgumentException("spare >= 0 and touchStride >= 1");
    }

    /** A domU: no spare pages, touches all its memory, shuts down. */
    public static KernelOptions domU() {
        return new KernelOptions(0, 1, true);
    }

    public KernelOptions withSpare(int n) {
        return new KernelOptions(n, touchStride, shutdown);
    }

    public KernelOptions withTouchStride(int n) {
        return new KernelOptions(spare, n, shutdown);
    }

    public KernelOptions withShutdown(boolean s) {
        return new KernelOptions(spare, touchStride, s);
    }
}
