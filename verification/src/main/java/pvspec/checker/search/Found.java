package pvspec.checker.search;

import java.util.Optional;
import pvspec.checker.report.Counterexample;
import pvspec.checker.report.Divergence;
import pvspec.checker.report.Witness;

/** What a search stopped at: a counterexample or a divergence. */
record Found(Optional<Counterexample> counterexample, Optional<Divergence> divergence, Optional<Witness> witness) {

    static Found of(Counterexample c) {
        return new Found(Optional.of(c), Optional.empty(), Optional.empty());
    }

    static Found of(Divergence d) {
        return new Found(Optional.empty(), Optional.of(d), Optional.empty());
    }

    static Found of(Witness w) {
        return new Found(Optional.empty(), Optional.empty(), Optional.of(w));
    }

    /** The scenario itself broke an invariant (possible only for a variant of the model). */
    static Found ofScenario(Scenario.Run run) {
        return of(new Counterexample(run.trace(), run.trace().steps().size(), run.violation().get()));
    }
}
