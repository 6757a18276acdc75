package pvspec.model.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.testing.Scenarios;

/** Streaming a trace gives what parsing it whole gives; a line without end is refused, not read whole. */
class TraceReaderTest {
    private static List<TraceStep> all(TraceReader r) throws IOException, TraceSyntaxException {
        List<TraceStep> out = new ArrayList<>();
        for (TraceStep s = r.next(); s != null; s = r.next()) out.add(s);
        return out;
    }

    @Test
    void everyScenarioStreamsToTheSameTrace() throws Exception {
        for (String name : Scenarios.ALL) {
            Trace whole = Scenarios.trace(name);
            TraceReader r = new TraceReader(name, new StringReader(Scenarios.text(name).replace("\n", "\r\n")));
            assertThat(r.config()).isEqualTo(whole.config());
            assertThat(all(r)).as(name).isEqualTo(whole.steps());
        }
    }

    @Test
    void errorsNameTheLineAsParsingDoes() {
        assertThatThrownBy(() -> all(new TraceReader("t", new StringReader("\n# c\nconfig\nd1: sched_op nap\n"))))
                .hasMessage("t:4:14: unknown sched_op sub-operation 'nap'");
        assertThatThrownBy(() -> new TraceReader("t", new StringReader(""))).hasMessage("t:1:1: empty trace: expected a 'config' line");
        assertThatThrownBy(() -> new TraceReader("t", new StringReader("# only\n\n"))).hasMessageStartingWith("t:2:1: empty trace");
    }

    /** An endless stream of NULs (like /dev/zero) without a line break. */
    private static Reader zeros() {
        return new Reader() {
            @Override public int read(char[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, '\0');
                return len;
            }

            @Override public void close() {}
        };
    }

    @Test
    void anEndlessLineIsRefusedAfterTheLimit() {
        assertThatThrownBy(() -> new TraceReader("/dev/zero", zeros()))
                .hasMessage("/dev/zero:1:" + (TraceReader.MAX_LINE + 1) + ": line longer than " + TraceReader.MAX_LINE
                        + " characters (no trace line needs that many; is this a trace?)");
    }

    @Test
    void aMillionStepsStreamOneAtATime() throws Exception {
        int n = 1_000_000;
        Reader million = new Reader() {
            private final String line = "d1: sched_op yield\n";
            private long pos = -"config\n".length();

            @Override public int read(char[] b, int off, int len) {
                if (pos >= (long) n * line.length()) return -1;
                int k = 0;
                while (k < len && pos < (long) n * line.length()) {
                    b[off + k++] = pos < 0 ? "config\n".charAt((int) (pos + 7)) : line.charAt((int) (pos % line.length()));
                    pos++;
                }
                return k;
            }

            @Override public void close() {}
        };
        TraceReader r = new TraceReader("m", million);
        long count = 0;
        TraceStep last = null;
        for (TraceStep s = r.next(); s != null; s = r.next()) {
            count++;
            last = s;
        }
        assertThat(count).isEqualTo(n);
        assertThat(last.line()).isEqualTo(n + 1);
    }
}
