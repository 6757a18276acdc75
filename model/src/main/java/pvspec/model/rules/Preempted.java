package pvspec.model.rules;

import pvspec.model.state.State;

/**
 * A preemption in flight ({@code -ERESTART} or {@code -EINTR} on its way up): unlike a
 * {@link Refusal}, what was done before it stays, so it carries the state at that point.
 */
final class Preempted extends StacklessException {
    private final State state;

    Preempted(State state) {
        super("preempted");
        this.state = state;
    }

    State state() {
        return state;
    }
}
