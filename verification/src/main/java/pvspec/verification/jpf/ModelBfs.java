package pvspec.verification.jpf;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Step;
import pvspec.model.state.State;

/**
 * The independent count for harness 2: a plain breadth-first search over the model on the JVM,
 * from the same start state with the same menu, states compared by the model's own
 * {@code equals}; every state is checked against every invariant.
 */
public final class ModelBfs {
    private ModelBfs() {}

    /** States reached (the start included), transitions taken (states × menu), and the depth. */
    public record Count(int states, long transitions, int depth) {}

    public static Count explore(State start, Call[] menu) {
        Set<State> seen = new HashSet<>();
        ArrayDeque<State> frontier = new ArrayDeque<>();
        seen.add(start);
        frontier.add(start);
        long transitions = 0;
        int depth = 0;
        while (!frontier.isEmpty()) {
            ArrayDeque<State> next = new ArrayDeque<>();
            for (State s : frontier) {
                for (Call c : menu) {
                    State t = Step.step(s, c.caller, c.request).state();
                    transitions++;
                    if (seen.add(t)) {
                        List<Violation> v = Invariants.check(t);
                        if (!v.isEmpty()) throw new IllegalStateException("the model breaks an invariant after " + c.line() + ": " + v);
                        next.add(t);
                    }
                }
            }
            if (!next.isEmpty()) depth++;
            frontier = next;
        }
        return new Count(seen.size(), transitions, depth);
    }
}
