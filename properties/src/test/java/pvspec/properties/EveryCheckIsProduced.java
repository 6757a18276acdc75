package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.guests.attack.Attack;
import pvspec.guests.attack.AttackRunner;
import pvspec.guests.attack.Catalogue;
import pvspec.guests.hypercall.ModelHypercalls;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Reply;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.testing.Scenarios;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;
import pvspec.properties.gen.Garbage;
import pvspec.properties.gen.Generator;
import pvspec.properties.run.Campaign;
import pvspec.properties.run.Property;
import pvspec.properties.run.Settings;
import pvspec.properties.run.Worlds;

/**
 * No dead checks: every check of the registry is the reason some input is refused. A check no
 * input can reach (a refusal always rethrown as another, a condition implied by an earlier one)
 * fails here, naming it. The inputs: the scenario traces, the attack catalogue, the witnesses of
 * rare refusals under {@code src/test/resources/checks}, and generated runs (model-guided, and
 * arbitrary arguments from arbitrary callers) with fixed seeds.
 */
class EveryCheckIsProduced {
    private final Set<Check> seen = EnumSet.noneOf(Check.class);

    private void runOnModel(Trace t) {
        State s = State.initial(t.config());
        for (TraceStep step : t.steps()) {
            Outcome o = Step.step(s, step.caller(), step.call());
            seen.addAll(o.checks());
            if (step.expect().isPresent()) {
                assertThat(step.expect().get().matches(o.result())).as("line %d: %s", step.line(), o.result()).isTrue();
            }
            s = o.state();
        }
    }

    @Test
    void everyRegisteredCheckRefusesSomeInput() {
        for (String name : Scenarios.ALL) runOnModel(Scenarios.trace(name));
        for (Attack a : Catalogue.ALL) {
            ModelHypercalls model = new ModelHypercalls(a.config());
            AttackRunner.run(a, new Noting(model));
        }
        for (String name : Witnesses.ALL) runOnModel(Witnesses.trace(name));
        Settings settings = new Settings(1, 40, 400, 0.3);
        for (Trace world : new Trace[] {Worlds.twoGuests(), Worlds.threeLevels()}) {
            new Campaign(world, () -> new Property() {
                @Override public String name() { return "notes every check"; }
                @Override public Optional<String> afterStep(State before, TraceStep step, Outcome o) {
                    seen.addAll(o.checks());
                    return Optional.empty();
                }
            }).run(settings);
        }
        for (long seed = 1; seed <= 10; seed++) {
            Garbage g = Garbage.seeded(seed);
            Generator guided = new Generator(seed, 0.1);
            State s = State.initial(Worlds.twoGuests().config());
            for (TraceStep w : Worlds.twoGuests().steps()) s = Step.step(s, w.caller(), w.call()).state();
            for (int k = 0; k < 1000; k++) {
                TraceStep t = k % 2 == 0 ? guided.next(s) : TraceStep.of(g.caller(), g.request());
                Outcome o = Step.step(s, t.caller(), t.call());
                seen.addAll(o.checks());
                s = o.state();
            }
        }
        Set<Check> never = EnumSet.allOf(Check.class);
        never.removeAll(seen);
        assertThat(never).as("checks no input produced (dead, or missing a witness in src/test/resources/checks)").isEmpty();
    }

    /** The model, noting the check of every refusal. */
    private final class Noting implements pvspec.guests.hypercall.Hypercalls {
        private final ModelHypercalls inner;

        Noting(ModelHypercalls inner) {
            this.inner = inner;
        }

        @Override public Config config() { return inner.config(); }
        @Override public State abstractState() { return inner.abstractState(); }

        @Override
        public Reply call(Caller caller, Hypercall call) {
            Reply r = inner.call(caller, call);
            r.check().ifPresent(seen::add);
            return r;
        }
    }
}
