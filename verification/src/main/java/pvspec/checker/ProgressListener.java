package pvspec.checker;

import java.io.PrintStream;

/** Receives a {@link Progress} snapshot about once per {@link Options#progressMillis()} while a search runs. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> {};

    void progress(Progress p);

    /** Prints progress: one line rewritten in place on a terminal, otherwise a line each time. */
    static ProgressListener printing(PrintStream out, boolean terminal) {
        return p -> {
            if (terminal) {
                out.print("\r" + p.line() + "   ");
            } else {
                out.println(p.line());
            }
            out.flush();
        };
    }
}
