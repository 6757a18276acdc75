package pvspec.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pvspec.model.invariant.Violation;
import pvspec.model.trace.Trace;

/**
 * A shortest trace from the initial state to a step that breaks an invariant: the configuration's
 * scenario followed by the requests the search found, each with the result it got (so
 * {@code pvspec replay} checks them), and what is broken after the last one.
 *
 * @param trace the whole trace, scenario included
 * @param scenarioSteps how many of its steps are the configuration's scenario
 * @param violations everything broken after the last step (the invariants, the frames and ports)
 */
public record Counterexample(Trace trace, int scenarioSteps, List<Violation> violations) {
    public Counterexample {
        violations = List.copyOf(violations);
    }

    /** Steps after the scenario: the length BFS minimised. */
    public int depth() {
        return trace.steps().size() - scenarioSteps;
    }

    /** The broken invariants' ids, in the order of {@code Invariants.ALL}. */
    public List<String> invariants() {
        Set<String> ids = new LinkedHashSet<>();
        for (Violation v : violations) ids.add(v.invariant());
        return new ArrayList<>(ids);
    }

    public Set<Long> frames() {
        Set<Long> out = new LinkedHashSet<>();
        for (Violation v : violations) out.addAll(v.frames());
        return out;
    }

    public Set<String> ports() {
        Set<String> out = new LinkedHashSet<>();
        for (Violation v : violations) out.addAll(v.ports());
        return out;
    }

    /** The trace with comments saying what it breaks: a file {@code pvspec replay} runs as it is. */
    public String print() {
        StringBuilder b = new StringBuilder();
        b.append("# Counterexample: ").append(String.join(", ", invariants())).append(" broken after step ")
                .append(trace.steps().size()).append(" (").append(depth()).append(" after the scenario's ").append(scenarioSteps).append(")\n");
        for (Violation v : violations) b.append("#   ").append(v).append('\n');
        if (!frames().isEmpty()) b.append("# frames involved: ").append(frames()).append('\n');
        if (!ports().isEmpty()) b.append("# ports involved: ").append(ports()).append('\n');
        return b.append(trace.print()).toString();
    }
}
