package pvspec.checker.reduction;

/**
 * What one step read and wrote, by region: each frame is a region and each domain id is a region
 * (its record, or its absence). Regions are bits of a 64-bit mask, frame {@code m} at bit
 * {@code m mod 64}: aliasing only merges regions, which makes more steps dependent, never fewer.
 *
 * <p>The independence reduction rests on one fact about deterministic steps on immutable
 * states: a step that reads nothing another step writes takes the same path after it, so it
 * returns the same result and writes the same values. Hence two steps that neither write what
 * the other reads or writes commute ({@link #independent}), and a step that left the state as it
 * was keeps doing so after any step that wrote nothing it read ({@link #unaffectedBy}).
 */
record Footprint(long readFrames, long writeFrames, long readDoms, long writeDoms) {

    /** Depends on everything: what a step is taken to touch when it could not be observed. */
    static final Footprint EVERYTHING = new Footprint(-1L, -1L, -1L, -1L);

    /** Neither step writes a region the other reads or writes: either order reaches the same state with the same results. */
    static boolean independent(Footprint a, Footprint b) {
        return (a.writeFrames & (b.readFrames | b.writeFrames)) == 0 && (b.writeFrames & a.readFrames) == 0
                && (a.writeDoms & (b.readDoms | b.writeDoms)) == 0 && (b.writeDoms & a.readDoms) == 0;
    }

    /** {@code b} read nothing that {@code a} wrote: after {@code a}, {@code b} behaves as before it. */
    static boolean unaffectedBy(Footprint b, Footprint a) {
        return (a.writeFrames & b.readFrames) == 0 && (a.writeDoms & b.readDoms) == 0;
    }

    static long bit(long region) {
        return 1L << (region & 63);
    }
}
