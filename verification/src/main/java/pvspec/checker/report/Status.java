package pvspec.checker.report;

/** How a search ended. Only {@link #FIXPOINT} and {@link #COMPLETE_TO_DEPTH} mean "complete". */
public enum Status {
    /** Every reachable state was explored: no state has a successor that was not found. */
    FIXPOINT,
    /** Every state within the depth bound was explored; deeper states exist and were not. */
    COMPLETE_TO_DEPTH,
    /** Stopped by the bound on states: the last level was only partly explored. */
    CUT_BY_STATES,
    /** Stopped by the time limit: the last level was only partly explored. */
    CUT_BY_TIME,
    /** Stopped at the first level with a broken invariant. */
    VIOLATION,
    /** Stopped at the first level where the implementation under test disagreed with the model. */
    DIVERGENCE,
    /** Stopped at the first level with a state where a reach query holds. */
    WITNESS;

    public boolean complete() {
        return this == FIXPOINT || this == COMPLETE_TO_DEPTH;
    }
}
