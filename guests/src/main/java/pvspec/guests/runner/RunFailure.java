package pvspec.guests.runner;

import java.util.List;
import pvspec.model.trace.Trace;

/** A run stopped: a program failed, or the step budget ran out. Carries the trace up to that point. */
public final class RunFailure extends RuntimeException {
    private final transient Trace trace;

    RunFailure(Throwable cause, Trace trace) {
        super(cause.getMessage() + "\n--- last steps ---\n" + tail(trace, 15), cause);
        this.trace = trace;
    }

    public Trace trace() {
        return trace;
    }

    private static String tail(Trace t, int n) {
        List<String> lines = List.of(t.print().split("\n"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
