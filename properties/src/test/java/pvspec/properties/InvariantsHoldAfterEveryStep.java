package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;
import pvspec.properties.run.Distribution;
import pvspec.properties.run.Property;
import pvspec.properties.run.Worlds;

/** Property 1: every invariant INV-1..13 holds after every step of the model. */
class InvariantsHoldAfterEveryStep {
    static final class EveryInvariant implements Property {
        @Override public String name() { return "every invariant holds after every step"; }

        @Override
        public Optional<String> afterStep(State before, TraceStep step, Outcome o) {
            List<Violation> v = Invariants.checkStep(before, step.caller(), step.call(), o.result(), o.state());
            return v.isEmpty() ? Optional.empty() : Optional.of(v.toString());
        }
    }

    @Test
    void onTwoGuestsWithTwoLevels() {
        Distribution d = Runs.check(Worlds.twoGuests(), EveryInvariant::new, 200, 500);
        System.out.println(d.table());
        // Not a run of refusals: the deep paths are reached.
        for (String kind : List.of("mmu_update", "mmuext_op", "update_va_mapping", "access read", "access write",
                "grant_table_op map_grant_ref", "grant_table_op unmap_grant_ref", "event_channel_op bind_interdomain", "event_channel_op send",
                "memory_op decrease_reservation", "set_trap_table")) {
            assertThat(d.succeeded(kind)).as("successful %s", kind).isPositive();
        }
    }

    @Test
    void onTwoGuestsWithThreeLevels() {
        Distribution d = Runs.check(Worlds.threeLevels(), EveryInvariant::new, 80, 500);
        assertThat(d.succeeded("mmuext_op")).isPositive();
    }
}
