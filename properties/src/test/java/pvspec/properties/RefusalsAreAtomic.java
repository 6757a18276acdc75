package pvspec.properties;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Result;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;
import pvspec.properties.run.Property;
import pvspec.properties.run.Worlds;

/** Property 3: a refused request leaves the state exactly as it was (a batch: all but its completed prefix). */
class RefusalsAreAtomic {
    static final class Atomic implements Property {
        @Override public String name() { return "a refused request changes nothing"; }

        @Override
        public Optional<String> afterStep(State before, TraceStep step, Outcome o) {
            Result r = o.result();
            if (Atomicity.wholeRefusal(r) && !Atomicity.refusalKeptOnlyItsPrefix(before, step.caller(), step.call(), r, o.state())) {
                return Optional.of("refused with " + r + " but the state changed");
            }
            return Optional.empty();
        }
    }

    @Test
    void underModelGuidedRequests() {
        Runs.check(Worlds.twoGuests(), Atomic::new, 100, 500);
        Runs.check(Worlds.threeLevels(), Atomic::new, 10, 400);
    }
}
