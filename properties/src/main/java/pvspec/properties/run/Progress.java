package pvspec.properties.run;

import java.io.PrintWriter;

/**
 * Progress of long work: one line rewritten in place on a terminal, or a new line every few
 * seconds when the output is a file or a pipe.
 */
public final class Progress {
    private final PrintWriter out;
    private final boolean terminal;
    private final long everyNanos;
    private long last;
    private boolean dirty;

    public Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.everyNanos = terminal ? 200_000_000L : 5_000_000_000L;
        this.last = System.nanoTime();
    }

    /**
     * For the command line's standard error, so that standard output holds only the report: rewrites
     * a line on a terminal, prints lines otherwise.
     */
    public static Progress onStderr(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    /** For standard output: rewrites a line on a terminal, prints lines otherwise. */
    public static Progress onStdout(PrintWriter out) {
        return new Progress(out, System.console() != null);
    }

    /** Show {@code line} if enough time passed since the last one. */
    public void update(String line) {
        long now = System.nanoTime();
        if (now - last < everyNanos) return;
        last = now;
        if (terminal) {
            out.print("\r" + line + "\033[K");
            dirty = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** End the progress line before printing a summary. */
    public void done() {
        if (dirty) out.println();
        dirty = false;
        out.flush();
    }
}
