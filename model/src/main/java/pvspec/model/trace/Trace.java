package pvspec.model.trace;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.state.Config;

/**
 * A trace: a configuration and a sequence of requests, in the external format of docs/trace-syntax.md
 * (one request per line, {@code #} comments, the configuration first). Counterexamples are
 * printed as traces, and {@code pvspec replay} reads them back: {@code parse(print(t))} equals
 * {@code t} for every trace.
 */
public record Trace(Config config, List<TraceStep> steps) {
    public Trace {
        steps = List.copyOf(steps);
    }

    public static Trace parse(String source, String text) throws TraceSyntaxException {
        return new TraceParser(source).parse(text);
    }

    /** The trace in its text format, with a header comment. */
    public String print() {
        return TracePrinter.print(this);
    }

    public Trace plus(TraceStep step) {
        List<TraceStep> s = new ArrayList<>(steps);
        s.add(step);
        return new Trace(config, s);
    }

    /** The first {@code n} steps. */
    public Trace prefix(int n) {
        return new Trace(config, steps.subList(0, Math.min(n, steps.size())));
    }
}
