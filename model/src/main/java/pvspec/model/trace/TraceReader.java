package pvspec.model.trace;

import java.io.IOException;
import java.io.Reader;
import pvspec.model.state.Config;

/**
 * Reads a trace step by step from a stream, so that a trace of any length is read in bounded
 * memory: the configuration first, then one {@link TraceStep} per {@link #next()}. A line longer
 * than {@link #MAX_LINE} characters is an error (no request needs more; a file without line
 * breaks, such as {@code /dev/zero}, would otherwise be read whole).
 */
public final class TraceReader {
    /** The longest line read, in characters. */
    public static final int MAX_LINE = 1 << 20;

    private final String source;
    private final Reader in;
    private final TraceParser parser;
    private final StringBuilder buf = new StringBuilder();
    private int lineNumber;
    private boolean eof;

    /** Opens the trace and reads up to its configuration line. */
    public TraceReader(String source, Reader in) throws IOException, TraceSyntaxException {
        this.source = source;
        this.in = in;
        this.parser = new TraceParser(source);
        while (parser.config() == null) {
            String line = readLine();
            if (line == null) parser.end(lineNumber);
            else parser.line(lineNumber, line);
        }
    }

    public Config config() {
        return parser.config();
    }

    /** The next step, or null at the end of the trace. */
    public TraceStep next() throws IOException, TraceSyntaxException {
        while (true) {
            String line = readLine();
            if (line == null) return null;
            TraceStep s = parser.line(lineNumber, line);
            if (s != null) return s;
        }
    }

    private String readLine() throws IOException, TraceSyntaxException {
        if (eof) return null;
        buf.setLength(0);
        while (true) {
            int c = in.read();
            if (c < 0) {
                eof = true;
                if (buf.length() == 0) return null;
                break;
            }
            if (c == '\n') break;
            if (buf.length() >= MAX_LINE) {
                throw new TraceSyntaxException(source, lineNumber + 1, MAX_LINE + 1, "line longer than " + MAX_LINE
                        + " characters (no trace line needs that many; is this a trace?)");
            }
            buf.append((char) c);
        }
        lineNumber++;
        int n = buf.length();
        if (n > 0 && buf.charAt(n - 1) == '\r') buf.setLength(n - 1);
        return buf.toString();
    }
}
