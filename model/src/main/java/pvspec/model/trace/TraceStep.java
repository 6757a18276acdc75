package pvspec.model.trace;

import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;

/**
 * One line of a trace: who calls, what, and optionally the result it must get.
 *
 * @param line the source line (1-based), or 0 for a step not read from text
 */
public record TraceStep(Caller caller, Hypercall call, Optional<Expectation> expect, int line) {
    public static TraceStep of(Caller caller, Hypercall call) {
        return new TraceStep(caller, call, Optional.empty(), 0);
    }

    public TraceStep expecting(Expectation e) {
        return new TraceStep(caller, call, Optional.of(e), line);
    }
}
