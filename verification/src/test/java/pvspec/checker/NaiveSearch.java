package pvspec.checker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Request;
import pvspec.checker.config.StepFunction;
import pvspec.checker.search.Scenario;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;

/**
 * An independent enumerator for tests: plain breadth-first search over state objects (value
 * equality), every request on every state, every invariant on every transition; no encoding,
 * no threads, no reductions. The checker's counts and depths are compared with its.
 */
final class NaiveSearch {
    private NaiveSearch() {}

    /**
     * @param levelSizes distinct states (or keys) at each depth
     * @param violationDepth the first depth at which some transition breaks an invariant, or -1
     * @param invariants the invariants broken by the transitions into that depth
     * @param fixpoint whether the search ran out of new states within the bound
     */
    record Result(List<Long> levelSizes, int violationDepth, Set<String> invariants, boolean fixpoint) {
        long states() {
            return levelSizes.stream().mapToLong(Long::longValue).sum();
        }
    }

    static Result run(CheckConfig cfg, StepFunction model, int maxDepth) {
        return run(cfg, model, maxDepth, s -> s, true);
    }

    /** Counts states only (no invariants); {@code key} decides when two states count as one. */
    static Result count(CheckConfig cfg, int maxDepth, Function<State, Object> key) {
        return run(cfg, StepFunction.MODEL, maxDepth, key, false);
    }

    private static Result run(CheckConfig cfg, StepFunction model, int maxDepth, Function<State, Object> key, boolean check) {
        State root = Scenario.finalState(cfg.scenario(), model);
        Set<Object> seen = new HashSet<>();
        seen.add(key.apply(root));
        List<Long> sizes = new ArrayList<>(List.of(1L));
        List<State> level = List.of(root);
        for (int depth = 0; depth < maxDepth; depth++) {
            List<State> next = new ArrayList<>();
            Set<String> broken = new TreeSet<>();
            for (State s : level) {
                for (Request r : cfg.requests().all()) {
                    Outcome o = model.step(s, r.caller(), r.call());
                    if (check) for (Violation v : Invariants.checkStep(s, r.caller(), r.call(), o.result(), o.state())) broken.add(v.invariant());
                    if (o.state() != s && seen.add(key.apply(o.state()))) next.add(o.state());
                }
            }
            if (!next.isEmpty()) sizes.add((long) next.size());
            if (!broken.isEmpty()) return new Result(sizes, depth + 1, broken, false);
            if (next.isEmpty()) return new Result(sizes, -1, Set.of(), true);
            level = next;
        }
        return new Result(sizes, -1, Set.of(), false);
    }
}
