package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pvspec.guests.hypercall.Targets;
import pvspec.properties.run.Campaign;
import pvspec.properties.run.Conformance;
import pvspec.properties.run.Fuzzing;
import pvspec.properties.run.Progress;
import pvspec.properties.run.Settings;
import pvspec.properties.run.Worlds;

/** A time budget stops generation even inside a run, however many steps a run was asked for. */
class FuzzingKeepsItsTimeBudget {
    @Test
    void aCampaignPastItsDeadlineGeneratesNothing() {
        Campaign c = new Campaign(Worlds.twoGuests(), () -> new Conformance(Targets.MODEL)).until(System.nanoTime());
        assertThat(c.run(new Settings(1, 1, 1_000_000, 0.2))).isEqualTo(Optional.empty());
        assertThat(c.distribution().steps()).isZero();
    }

    @Test
    void aRunOfAMillionStepsIsCutAtTheBudget() {
        Fuzzing.Report r = Fuzzing.run(Worlds.twoGuests(), () -> new Conformance(Targets.MODEL), 1, 0.05, 1_000_000, 0.2,
                new Progress(new PrintWriter(new StringWriter()), false));
        assertThat(r.seeds()).isEqualTo(1);
        assertThat(r.steps()).isLessThan(1_000_000);
        assertThat(r.failure()).isEmpty();
    }
}
