package pvspec.verification.jpf;

/**
 * Where a harness's nondeterministic choices come from: Java PathFinder's {@code Verify.getInt}
 * when the harness runs under JPF (the {@code jpf} profile), or the built-in {@link Enumerator}
 * on a plain JVM, which re-runs the harness once for every choice vector.
 *
 * <p>Every harness reports each choice vector whose final check it reached. Code that Java
 * PathFinder cannot execute (a compiler-generated record {@code equals}, say) ends the search
 * without an error; the driver notices because some vector never reports.
 */
public interface Choices {
    /** A value in {@code 0 .. n-1}; {@code n >= 1}. */
    int choose(int n);

    /** The harness passed its final check for choice vector number {@code vector}. */
    void completed(int vector);
}
