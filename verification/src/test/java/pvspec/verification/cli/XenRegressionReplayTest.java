package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Xen-derived regression suite ({@code model/src/test/resources/xen/**}) through
 * {@code pvspec replay}: model and hypervisor in lockstep, every {@code -> R} expectation checked,
 * no divergence, every invariant after every step (exit 0).
 */
class XenRegressionReplayTest {
    private static final Path ROOT = Paths.get("../model/src/test/resources/xen");

    static List<Path> traces() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".trace")).sorted().collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void replayHoldsInLockstep(Path trace) {
        Cli c = Cli.run("replay", trace.toString());
        assertThat(c.exit).as(trace + "\n" + c.out + c.err).isZero();
    }

    @Test
    void theSuiteIsThere() throws IOException {
        assertThat(traces()).hasSizeGreaterThanOrEqualTo(20);
    }
}
