package pvspec.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.model.state.State;
import pvspec.model.testing.Scenarios;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/** Every scenario trace: the hypervisor gives the model's result and state after every step. */
class ScenarioConformanceTest {
    static List<String> scenarios() {
        return Scenarios.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void hypervisorMatchesModelAfterEveryStep(String name) {
        Trace trace = Scenarios.trace(name);
        Lockstep run = new Lockstep(trace.config());
        assertThat(run.hv.abstractState()).isEqualTo(State.initial(trace.config()));
        for (TraceStep s : trace.steps()) {
            run.step(s.caller(), s.call());
            if (s.expect().isPresent()) assertThat(s.expect().get().matches(run.lastResult)).as("line %d", s.line()).isTrue();
        }
        assertThat(run.trace).hasSize(trace.steps().size() + 1);
    }
}
