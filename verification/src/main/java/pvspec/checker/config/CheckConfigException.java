package pvspec.checker.config;

/** A malformed checking configuration: where (source, line, column, 1-based) and what is wrong. */
public final class CheckConfigException extends Exception {
    private final String source;
    private final int line;
    private final int column;

    public CheckConfigException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() { return source; }
    public int line() { return line; }
    public int column() { return column; }
}
