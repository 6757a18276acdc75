package pvspec.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** Every scenario trace runs on the model with its expected results and every invariant after every step. */
class ScenarioTest {
    static Stream<String> scenarios() {
        return Scenarios.ALL.stream(); // a missing file fails (Scenarios.trace), never skipped
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioRunsWithExpectedResultsAndInvariants(String name) {
        TraceRun run = TraceRun.of(Scenarios.trace(name));
        assertThat(run.results()).hasSize(run.trace().steps().size());
    }
}
