package pvspec.checker.predicate;

/** A malformed predicate: the column (1-based, within the predicate's text) and what is wrong. */
public final class PredicateSyntaxException extends Exception {
    private final int column;
    private final String problem;

    public PredicateSyntaxException(int column, String problem) {
        super(column + ": " + problem, null, false, false);
        this.column = column;
        this.problem = problem;
    }

    public int column() { return column; }
    public String problem() { return problem; }
}
