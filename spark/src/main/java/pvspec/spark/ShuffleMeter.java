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
    /** One level's shuffle: bytes and records written by the map side, bytes read (local and remote). */
    public record Figures(int depth, long bytesWritten, long recordsWritten, long bytesRead) {}

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong read = new AtomicLong();
    private final List<Figures> levels = new ArrayList<>();
    private long w0;
    private long r0;
    private long rd0;

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
    }

    synchronized void startLevel() {
        w0 = written.get();
        r0 = records.get();
        rd0 = read.get();
    }

    synchronized void endLevel(int depth) {
        levels.add(new Figures(depth, written.get() - w0, records.get() - r0, read.get() - rd0));
    }

    public synchronized List<Figures> levels() {
        return List.copyOf(levels);
    }
}
