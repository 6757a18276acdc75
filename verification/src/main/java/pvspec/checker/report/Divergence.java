package pvspec.checker.report;

import java.util.List;
import pvspec.model.abi.Result;
import pvspec.model.trace.Trace;

/**
 * A shortest trace after which the implementation under test and the model disagree: the last
 * step carries the model's result as its expectation, so replaying the trace against the
 * implementation shows the difference.
 *
 * @param trace the whole trace, scenario included
 * @param scenarioSteps how many of its steps are the configuration's scenario
 * @param modelResult what the model returned for the last step
 * @param implementationResult what the implementation returned
 * @param stateDifferences where the implementation's state after the last step differs from the
 *     model's (empty if only the results differ)
 */
public record Divergence(Trace trace, int scenarioSteps, Result modelResult, Result implementationResult,
                         List<String> stateDifferences) {
    public Divergence {
        stateDifferences = List.copyOf(stateDifferences);
    }

    public int depth() {
        return trace.steps().size() - scenarioSteps;
    }

    public String print() {
        StringBuilder b = new StringBuilder();
        b.append("# Divergence at step ").append(trace.steps().size()).append(" (").append(depth()).append(" after the scenario's ")
                .append(scenarioSteps).append("): model ").append(modelResult).append(", implementation ").append(implementationResult).append('\n');
        for (String d : stateDifferences) b.append("#   ").append(d).append('\n');
        return b.append(trace.print()).toString();
    }
}
