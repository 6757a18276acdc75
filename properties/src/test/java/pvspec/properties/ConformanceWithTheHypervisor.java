package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.guests.hypercall.HypervisorHypercalls;
import pvspec.guests.hypercall.Target;
import pvspec.guests.kernel.BootGuest;
import pvspec.guests.kernel.KernelOptions;
import pvspec.guests.runner.RunReport;
import pvspec.guests.runner.Runner;
import pvspec.hypervisor.Hypervisor;
import pvspec.model.abi.Caller;
import pvspec.model.invariant.Invariants;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;
import pvspec.properties.run.Conformance;
import pvspec.properties.run.Distribution;
import pvspec.properties.run.Worlds;

/**
 * Property 2, conformance: the hypervisor returns the model's result for every request and its
 * abstract state equals the model's after every step; for guests on real threads, the same
 * holds at the quiescent point against the order the calls were recorded in.
 */
class ConformanceWithTheHypervisor {
    private static final Target HYPERVISOR = new Target("hypervisor", c -> new HypervisorHypercalls(Hypervisor.boot(c)));

    @Test
    void inLockstepUnderModelGuidedRequests() {
        Distribution d = Runs.check(Worlds.twoGuests(), () -> new Conformance(HYPERVISOR), 200, 500);
        assertThat(d.succeeded("grant_table_op map_grant_ref")).isPositive();
        Runs.check(Worlds.threeLevels(), () -> new Conformance(HYPERVISOR), 80, 500);
    }

    @Test
    void atTheQuiescentPointOfAGuestBootOnRealThreads() {
        Config c = Config.withDefaults(3, 8, 160, 3, 4, 16, 8);
        HypervisorHypercalls machine = new HypervisorHypercalls(Hypervisor.boot(c));
        RunReport r = Runner.threads(machine).run(Caller.kernel(0), new BootGuest(60, 4, KernelOptions.domU()));
        // The recorded order is a linearization: replayed on the model it gives every result and the final state.
        State s = State.initial(c);
        for (int i = 0; i < r.trace().steps().size(); i++) {
            TraceStep t = r.trace().steps().get(i);
            Outcome o = Step.step(s, t.caller(), t.call());
            assertThat(o.result()).as("step %d: %s", i, t.call()).isEqualTo(r.results().get(i));
            s = o.state();
        }
        assertThat(machine.abstractState()).isEqualTo(s);
        assertThat(Invariants.check(s)).isEmpty();
        assertThat(r.steps()).isGreaterThan(100);
    }
}
