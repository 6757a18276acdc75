package pvspec.model.invariant;

import java.util.HashMap;
import java.util.Map;
import pvspec.model.state.State;

/** A state and the facts several invariants derive from it, each computed once. */
public final class Facts {
    private final State state;
    private RefCensus census;
    private final Map<Long, Reach> reaches = new HashMap<>();

    private Facts(State state) {
        this.state = state;
    }

    public static Facts of(State s) {
        return new Facts(s);
    }

    public State state() {
        return state;
    }

    /** Every reference the state's structures hold, counted from their causes. */
    public RefCensus census() {
        if (census == null) census = RefCensus.of(state);
        return census;
    }

    /** What a guest walk reaches from top-level table {@code root}. */
    public Reach reachFromTop(long root) {
        return reaches.computeIfAbsent(root, r -> Reach.from(state, r, state.config().levels()));
    }
}
