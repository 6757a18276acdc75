package pvspec.checker.report;

/**
 * A snapshot of a running search.
 *
 * @param states distinct states found so far
 * @param transitions requests executed so far
 * @param depth the level being expanded (its successors are at {@code depth + 1})
 * @param queue states found but not yet expanded
 * @param statesPerSecond distinct states per second since the start
 * @param elapsedMillis time since the start
 * @param onDisk fingerprints of visited states kept on disk (fingerprint mode)
 */
public record Progress(long states, long transitions, int depth, long queue, double statesPerSecond, long elapsedMillis, long onDisk) {

    /** One line: {@code states 12,345  transitions 1,234,567  depth 2  queue 4,321  9,876 states/s  12.3 s} (and {@code on disk N}). */
    public String line() {
        return String.format("states %,d  transitions %,d  depth %d  queue %,d  %,.0f states/s  %.1f s", states, transitions, depth, queue,
                statesPerSecond, elapsedMillis / 1000.0) + (onDisk > 0 ? String.format("  on disk %,d", onDisk) : "");
    }
}
