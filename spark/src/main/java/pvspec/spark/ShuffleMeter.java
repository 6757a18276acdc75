package pvspec.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Shuffle bytes and records per level, from the tasks' metrics. Listener events arrive
 * asynchronously, so a level's figures may miss its last few tasks' (they then count in the next
 * level); they are a measurement aid, never used by the search.
 */
public final class ShuffleMeter extends SparkListener {
    /**
     * One level's shuffle: bytes and records written by the map side, bytes read (local and
     * remote), the tasks' time writing shuffle files and waiting for shuffle blocks, and the
     * level's wall-clock time (every job of the level, on the driver).
     */
    public record Figures(int depth, long bytesWritten, long recordsWritten, long bytesRead, long writeMillis, long fetchWaitMillis,
                          long levelMillis) {}

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();
    private final AtomicLong fetchWait = new AtomicLong();
    private final List<Figures> levels = new ArrayList<>();
    private long w0;
    private long r0;
    private long rd0;
    private long wt0;
    private long fw0;
    private long t0;

    static ShuffleMeter on(JavaSparkContext sc) {
        ShuffleMeter m = new ShuffleMeter();
        sc.sc().addSparkListener(m);
        return m;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics t = end.taskMetrics();
        if (t == null) return;
        written.addAndGet(t.shuffleWriteMetrics().bytesWritten());
        records.addAndGet(t.shuffleWriteMetrics().recordsWritten());
        read.addAndGet(t.shuffleReadMetrics().totalBytesRead());
        writeNanos.addAndGet(t.shuffleWriteMetrics().writeTime());
        fetchWait.addAndGet(t.shuffleReadMetrics().fetchWaitTime());
    }

    synchronized void startLevel() {
        w0 = written.get();
        r0 = records.get();
        rd0 = read.get();
        wt0 = writeNanos.get();
        fw0 = fetchWait.get();
        t0 = System.nanoTime();
    }

    synchronized void endLevel(int depth) {
        levels.add(new Figures(depth, written.get() - w0, records.get() - r0, read.get() - rd0, (writeNanos.get() - wt0) / 1_000_000,
                fetchWait.get() - fw0, (System.nanoTime() - t0) / 1_000_000));
    }

    public synchronized List<Figures> levels() {
        return List.copyOf(levels);
    }
}
