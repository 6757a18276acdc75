package pvspec.model.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.model.testing.TraceRun;

/**
 * Runs the Xen-derived regression suite on the model: every expectation {@code -> R} must hold
 * and every invariant after every step. The expected results were read from Xen's code (each
 * trace cites the lines), never produced by running the model.
 */
class XenRegressionTest {
    /** A Xen source citation: {@code file.c:123} or {@code file.h:45}. */
    private static final Pattern XEN_LINE = Pattern.compile("[A-Za-z0-9_/.-]+\\.[ch]:\\d+");

    static List<Path> traces() {
        return XenRegressionTraces.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void everyExpectationHoldsOnTheModel(Path trace) {
        TraceRun run = TraceRun.of(trace.toString(), XenRegressionTraces.text(trace));
        assertThat(run.results()).hasSize(run.trace().steps().size());
        assertThat(run.trace().steps()).as("a regression trace checks results").anyMatch(s -> s.expect().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void everyTraceNamesItsSourceAndTheXenLinesThatDecide(Path trace) {
        String text = XenRegressionTraces.text(trace);
        String header = text.lines().takeWhile(l -> l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        assertThat(header).as(trace + ": header names its source").containsPattern("(?i)(source|xtf|xsa|xen)");
        assertThat(text).as(trace + ": cites Xen file:line").containsPattern(XEN_LINE);
    }

    @Test
    void theMmHalfOfTheSuiteHasAtLeastTwentyTraces() {
        assertThat(traces().stream().filter(p -> p.startsWith("mm"))).hasSizeGreaterThanOrEqualTo(20);
    }
}
