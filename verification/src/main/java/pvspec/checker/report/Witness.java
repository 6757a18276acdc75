package pvspec.checker.report;

import pvspec.checker.config.NamedPredicate;
import pvspec.model.trace.Trace;

/**
 * A shortest trace from the initial state to a state where a reach query holds: the scenario,
 * then the requests the search found, each with the result it got, so {@code pvspec replay}
 * runs it as it is.
 *
 * @param trace the whole trace, scenario included
 * @param scenarioSteps how many of its steps are the configuration's scenario
 * @param query the reach query that holds after the last step
 */
public record Witness(Trace trace, int scenarioSteps, NamedPredicate query) {

    /** Steps after the scenario: the length BFS minimised. */
    public int depth() {
        return trace.steps().size() - scenarioSteps;
    }

    public String print() {
        return "# Witness: reach " + query.name() + " (" + query.text() + ") holds after step " + trace.steps().size() + " (" + depth()
                + " after the scenario's " + scenarioSteps + ")\n" + trace.print();
    }
}
