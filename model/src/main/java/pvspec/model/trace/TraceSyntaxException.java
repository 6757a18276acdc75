package pvspec.model.trace;

/** A malformed trace: where (source, line, column, all 1-based) and what was expected. */
public final class TraceSyntaxException extends Exception {
    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    public TraceSyntaxException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public String source() { return source; }
    public int line() { return line; }
    public int column() { return column; }
    public String problem() { return problem; }
}
