package pvspec.verification.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import pvspec.model.state.Config;
import pvspec.model.trace.TraceReader;
import pvspec.model.trace.TraceStep;
import pvspec.model.trace.TraceSyntaxException;

/**
 * A trace the command line reads step by step (a file, or standard input for {@code -}), in
 * bounded memory; every problem is {@link BadInput} naming the file (and line and column).
 */
final class TraceInput implements AutoCloseable {
    /**
     * Heap a replay needs per configured frame, populated in full: the model's persistent frame
     * table and the hypervisor's arrays (measured: a 2^20-frame configuration populated in full
     * replays with -Xmx512m, not with -Xmx256m).
     */
    static final long BYTES_PER_FRAME = 512;

    private final String name;
    private final InputStream stream;
    private final TraceReader reader;

    private TraceInput(String name, InputStream stream) {
        this.name = name;
        this.stream = stream;
        BufferedReader text = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            this.reader = new TraceReader(name, text);
        } catch (IOException e) {
            close();
            throw unreadable(name, e);
        } catch (TraceSyntaxException e) {
            close();
            throw new BadInput(e.getMessage());
        }
        requireFits(reader.config(), name, Runtime.getRuntime().maxMemory());
    }

    /** Opens {@code file} ({@code -}: standard input) and reads its configuration. */
    static TraceInput open(String file, InputStream stdin) {
        if (file.equals("-")) return new TraceInput("<stdin>", stdin);
        Path p = Path.of(file);
        if (Files.isDirectory(p)) throw new BadInput(file + ": is a directory, not a trace file");
        try {
            return new TraceInput(file, Files.newInputStream(p));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    String name() {
        return name;
    }

    Config config() {
        return reader.config();
    }

    /** The next step, or null at the end. */
    TraceStep next() {
        try {
            return reader.next();
        } catch (IOException e) {
            throw unreadable(name, e);
        } catch (TraceSyntaxException e) {
            throw new BadInput(e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (!name.equals("<stdin>")) stream.close();
        } catch (IOException e) {
            // Nothing was written; a failed close of a file we only read changes nothing.
        }
    }

    /**
     * Refuses, before replaying, a configuration the heap cannot hold populated in full: the
     * limit and why, instead of minutes of work ending in OutOfMemoryError.
     */
    static void requireFits(Config c, String source, long maxHeap) {
        long need = c.frames() * BYTES_PER_FRAME;
        if (need <= maxHeap) return;
        long gib = 1L << 30;
        throw new BadInput(String.format(Locale.ROOT, "%s: config frames=%d is more than this JVM can replay: populated in full it needs about"
                + " %.1f GiB of heap (%d bytes a frame for the model and the hypervisor), and the JVM may use %.1f GiB;"
                + " use at most %d frames, or give the JVM more memory (java -Xmx%dg -jar pvspec.jar ...)",
                source, c.frames(), need / (double) gib, BYTES_PER_FRAME, maxHeap / (double) gib, maxHeap / BYTES_PER_FRAME,
                (need + gib - 1) / gib + 1));
    }

    static BadInput unreadable(String file, IOException e) {
        if (e instanceof NoSuchFileException) return new BadInput(file + ": no such file");
        if (e instanceof AccessDeniedException) return new BadInput(file + ": permission denied");
        if (e instanceof CharacterCodingException) return new BadInput(file + ": not a text file (not valid UTF-8)");
        return new BadInput(file + ": cannot read: " + e.getMessage());
    }
}
