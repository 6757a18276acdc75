package pvspec.verification.cli;

import java.util.List;
import java.util.function.Function;
import pvspec.model.state.Config;
import pvspec.verification.replay.Side;

/** The implementations the command line checks against the model. */
final class Sides {
    private Sides() {}

    static List<Function<Config, Side>> implementations() {
        return List.of();
    }
}
