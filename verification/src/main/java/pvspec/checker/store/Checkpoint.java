package pvspec.checker.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a search needs to resume at a level boundary: every node's parent link and label (the
 * search tree; {@link pvspec.checker.search.Search} rebuilds the states and the visited set from it by replaying one
 * step per state, which the step function's determinism makes exact), the level sizes, and the
 * counters and coverage as they stood when the last level was numbered. So a recovered run
 * ends with exactly the counts of an uninterrupted one.
 *
 * <p>Written to a temporary file and then renamed, so a run killed while writing keeps the
 * previous checkpoint.
 *
 * @param identity what the search explores (configuration, request space, reductions): a
 *     checkpoint resumes only the same search
 * @param levelSizes states per level, levels 0 to the last numbered one
 * @param coverage the merged coverage counts
 * @param elapsedMillis time spent before the checkpoint
 */
public record Checkpoint(long identity, List<Long> levelSizes, int[] parent, int[] label, long transitions, long skipped, long stepChecks,
                  long stateChecks, long[][] coverage, long elapsedMillis) {
    static final String FILE = "checkpoint.bin";
    private static final long MAGIC = 0x7076737065634350L; // "pvspecCP"

    public int depth() {
        return levelSizes.size() - 1;
    }

    long states() {
        return parent.length;
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            out.writeLong(MAGIC);
            out.writeLong(identity);
            out.writeInt(levelSizes.size());
            for (long n : levelSizes) out.writeLong(n);
            out.writeInt(parent.length);
            for (int i = 0; i < parent.length; i++) {
                out.writeInt(parent[i]);
                out.writeInt(label[i]);
            }
            for (long v : new long[] {transitions, skipped, stepChecks, stateChecks, elapsedMillis}) out.writeLong(v);
            out.writeInt(coverage.length);
            out.writeInt(coverage.length == 0 ? 0 : coverage[0].length);
            for (long[] row : coverage) for (long v : row) out.writeLong(v);
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Checkpoint read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) throw new IOException("no checkpoint in " + dir + " (expected " + f + ")");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 20))) {
            if (in.readLong() != MAGIC) throw new IOException(f + " is not a pvspec checkpoint");
            long identity = in.readLong();
            int levels = in.readInt();
            List<Long> sizes = new ArrayList<>();
            for (int i = 0; i < levels; i++) sizes.add(in.readLong());
            int n = in.readInt();
            int[] parent = new int[n];
            int[] label = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = in.readInt();
                label[i] = in.readInt();
            }
            long transitions = in.readLong();
            long skipped = in.readLong();
            long stepChecks = in.readLong();
            long stateChecks = in.readLong();
            long elapsed = in.readLong();
            long[][] cov = new long[in.readInt()][];
            int w = in.readInt();
            for (int k = 0; k < cov.length; k++) {
                cov[k] = new long[w];
                for (int c = 0; c < w; c++) cov[k][c] = in.readLong();
            }
            return new Checkpoint(identity, sizes, parent, label, transitions, skipped, stepChecks, stateChecks, cov, elapsed);
        }
    }
}
