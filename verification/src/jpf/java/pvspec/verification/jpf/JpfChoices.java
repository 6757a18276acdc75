package pvspec.verification.jpf;

import gov.nasa.jpf.vm.Verify;

/**
 * Choices made by Java PathFinder: each is a data choice point JPF backtracks over. Completed
 * vectors are recorded in a JPF-side bit set and counter, which live outside the explored state
 * (so backtracking does not undo them) and which {@link JpfLauncher} reads after the search.
 */
public final class JpfChoices implements Choices {
    /** The id of the bit set (and counter) of completed vectors. */
    public static final int COMPLETED = 0;

    @Override
    public int choose(int n) {
        return Verify.getInt(0, n - 1);
    }

    @Override
    public void completed(int vector) {
        Verify.setBitInBitSet(COMPLETED, vector, true);
        Verify.incrementCounter(COMPLETED);
    }
}
