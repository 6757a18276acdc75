package pvspec.properties.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.properties.Atomicity;
import pvspec.model.invariant.Invariants;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.properties.gen.Garbage;

/**
 * Coverage-guided fuzzing of the model: requests decoded from the fuzzer's bytes, from a world
 * with two guests, always get a result, a refusal changes nothing, and every invariant holds.
 * Without {@code JAZZER_FUZZ} this runs the committed corpus as regression inputs.
 */
class FuzzModelTotality {
    private static final State WORLD = FuzzWorld.twoGuestsWithTables();

    @FuzzTest(maxDuration = "30s")
    void requestsFromFuzzerBytes(FuzzedDataProvider data) {
        Garbage g = new Garbage(FuzzWorld.source(data));
        State s = WORLD;
        for (int i = 0; i < 8 && data.remainingBytes() > 0; i++) {
            Caller c = g.caller();
            Hypercall h = g.request();
            Outcome o = Step.step(s, c, h);
            Result r = o.result();
            if (Atomicity.wholeRefusal(r)) assertThat(Atomicity.refusalKeptOnlyItsPrefix(s, c, h, r, o.state())).as("%s refused with %s changed more than its kept prefix", h, r).isTrue();
            assertThat(Invariants.checkStep(s, c, h, r, o.state())).isEmpty();
            s = o.state();
        }
    }
}
