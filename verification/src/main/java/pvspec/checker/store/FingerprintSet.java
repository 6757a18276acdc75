package pvspec.checker.store;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The visited set of fingerprint mode, in the manner of TLC's {@code DiskFPSet}: 64-bit
 * fingerprints go into an in-memory hash table ({@link LongSet}) until it holds
 * {@code memoryLimit} of them; then the table is sorted and merged into one sorted file on disk,
 * and emptied. A lookup tries the table, then the file: an in-memory index holding every
 * {@link #STRIDE}-th fingerprint of the file names the one block that can hold it, which is
 * binary-searched in the memory-mapped file (in the page cache, as long as the machine has room).
 *
 * <p>So memory stays at {@code 16 * memoryLimit} bytes for the table plus {@code 8 / STRIDE} bytes
 * per fingerprint on disk for the index: 10^9 fingerprints take 8 GB of disk and 16 MB of index.
 *
 * <p>Like the rest of the search's state, it is written only between levels, by one thread
 * ({@link #add}, which may merge), and read concurrently during a level ({@link #contains}): the
 * level barrier orders the two.
 */
public final class FingerprintSet implements AutoCloseable {
    /** Fingerprints per index entry (one 4 KiB block of the file). */
    static final int STRIDE = 512;
    private static final long SEGMENT = 1L << 30; // bytes per mapping (a mapping holds at most 2 GiB)

    private final long memoryLimit;
    private final Path dir;
    private LongSet table = new LongSet();
    private long[] index = new long[0];
    private MappedByteBuffer[] segments = new MappedByteBuffer[0];
    private Path file;
    private long onDisk;
    private int generation;

    /**
     * @param memoryLimit fingerprints held in memory before they are moved to disk
     * @param dir where the file goes (created on first use; null: a fresh temporary directory)
     */
    public FingerprintSet(long memoryLimit, Path dir) {
        if (memoryLimit < 1) throw new IllegalArgumentException("memoryLimit");
        this.memoryLimit = memoryLimit;
        this.dir = dir;
    }

    public boolean contains(long fp) {
        return table.contains(fp) || onDisk(fp);
    }

    /** Adds a fingerprint; returns whether it was new. */
    public boolean add(long fp) {
        if (contains(fp)) return false;
        table.add(fp);
        if (table.size() >= memoryLimit) spill();
        return true;
    }

    long size() {
        return table.size() + onDisk;
    }

    /** Fingerprints kept on disk. */
    public long onDisk() {
        return onDisk;
    }

    private boolean onDisk(long fp) {
        if (onDisk == 0) return false;
        int b = Arrays.binarySearch(index, fp);
        if (b >= 0) return true;
        int block = -b - 2; // the last block whose first fingerprint is less than fp
        if (block < 0) return false;
        long lo = (long) block * STRIDE + 1;
        long hi = Math.min(lo - 1 + STRIDE, onDisk) - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long v = get(mid);
            if (v < fp) lo = mid + 1;
            else if (v > fp) hi = mid - 1;
            else return true;
        }
        return false;
    }

    private long get(long i) {
        long pos = i * 8;
        return segments[(int) (pos / SEGMENT)].getLong((int) (pos % SEGMENT));
    }

    /** Sorts the table and merges it with the file into a new file. */
    void spill() {
        long[] mem = table.toArray();
        Arrays.sort(mem);
        try {
            Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("pvspec-fp");
            Path next = d.resolve("fingerprints." + (++generation));
            long n = 0;
            long[] idx = new long[(int) ((onDisk + mem.length + STRIDE - 1) / STRIDE)];
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(next), 1 << 20))) {
                int m = 0;
                long i = 0;
                while (m < mem.length || i < onDisk) {
                    long v;
                    if (i >= onDisk || m < mem.length && mem[m] < get(i)) v = mem[m++];
                    else v = get(i++);
                    if (n % STRIDE == 0) idx[(int) (n / STRIDE)] = v;
                    out.writeLong(v);
                    n++;
                }
            }
            Path old = file;
            map(next, n);
            index = idx;
            file = next;
            if (old != null) Files.deleteIfExists(old);
            table = new LongSet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fingerprint file", e);
        }
    }

    private void map(Path f, long n) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long bytes = n * 8;
            MappedByteBuffer[] segs = new MappedByteBuffer[(int) ((bytes + SEGMENT - 1) / SEGMENT)];
            for (int s = 0; s < segs.length; s++) segs[s] = ch.map(FileChannel.MapMode.READ_ONLY, s * SEGMENT, Math.min(SEGMENT, bytes - s * SEGMENT));
            segments = segs;
            onDisk = n;
        }
    }

    @Override
    public void close() {
        segments = new MappedByteBuffer[0];
        onDisk = 0;
        try {
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file the OS will clean up
        }
        file = null;
    }
}
