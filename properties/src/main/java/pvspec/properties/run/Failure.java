package pvspec.properties.run;

import pvspec.model.trace.Trace;

/**
 * A broken property: which, with which seed, why, and the shrunk trace (in the trace format,
 * replayable with {@code pvspec replay}) next to the original length.
 */
public record Failure(String property, long seed, String why, Trace shrunk, int originalSteps) {

    public String report() {
        return "property '" + property + "' broken with seed " + seed + " (replay: -Dpvspec.seed=" + seed + ")\n"
                + "  " + why + "\n"
                + "shrunk from " + originalSteps + " to " + shrunk.steps().size() + " steps:\n"
                + shrunk.print();
    }
}
