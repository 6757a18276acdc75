package pvspec.spark;

import org.apache.spark.util.AccumulatorV2;

/**
 * The coverage of executed transitions (a {@link pvspec.checker.search.LevelKernel#tally} array) as a
 * Spark accumulator: each task counts into its own copy, the driver adds the copies up. Like
 * every accumulator updated in a transformation, a retried task would count twice; local mode
 * retries none, and the counts are a report, never a verdict.
 */
final class CoverageTally extends AccumulatorV2<long[], long[]> {
    private final int size;
    private long[] counts; // null until the first count: the copy shipped with each task stays small

    CoverageTally(int size) {
        this.size = size;
    }

    /** This copy's counters, to count into. */
    long[] counters() {
        if (counts == null) counts = new long[size];
        return counts;
    }

    @Override
    public boolean isZero() {
        if (counts == null) return true;
        for (long c : counts) if (c != 0) return false;
        return true;
    }

    @Override
    public AccumulatorV2<long[], long[]> copy() {
        CoverageTally c = new CoverageTally(size);
        if (counts != null) c.counts = counts.clone();
        return c;
    }

    @Override
    public void reset() {
        counts = null;
    }

    @Override
    public void add(long[] v) {
        long[] t = counters();
        for (int i = 0; i < size; i++) t[i] += v[i];
    }

    @Override
    public void merge(AccumulatorV2<long[], long[]> other) {
        CoverageTally o = (CoverageTally) other;
        if (o.counts != null) add(o.counts);
    }

    @Override
    public long[] value() {
        return counts == null ? new long[size] : counts.clone();
    }
}
