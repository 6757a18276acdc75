package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.guests.attack.Attack;
import pvspec.guests.attack.AttackOutcome;
import pvspec.guests.attack.AttackRunner;
import pvspec.guests.attack.Catalogue;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.ModelHypercalls;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;
import pvspec.properties.gen.Generator;
import pvspec.properties.run.Settings;

/**
 * Property 5: every attack of the catalogue is refused with its expected result, its
 * post-conditions hold and no invariant breaks — also when a bystander domain makes random
 * (mostly valid, sometimes hostile) requests between the attacker's requests.
 */
class AttacksAreRefused {
    /** Forwards the attacker's requests, with up to two bystander requests before each. */
    static final class WithBystander implements Hypercalls {
        private final Hypercalls machine;
        private final Generator noise;
        private final java.util.Random when;
        private final int bystander;
        int noiseSteps;

        WithBystander(Hypercalls machine, long seed) {
            this.machine = machine;
            Result id = machine.hypercall(Caller.kernel(0), new Domctl.CreateDomain(6, 1));
            this.bystander = (int) ((Result.Value) id).value();
            machine.hypercall(Caller.kernel(0), new MemoryOp.PopulatePhysmap(bystander, 6));
            this.noise = Generator.forDomain(seed, 0.3, bystander);
            this.when = new java.util.Random(seed);
        }

        @Override public Config config() { return machine.config(); }

        @Override public State abstractState() { return machine.abstractState(); }

        @Override
        public Reply call(Caller caller, Hypercall call) {
            for (int i = when.nextInt(3); i > 0; i--) {
                TraceStep t = noise.next(machine.abstractState());
                machine.hypercall(t.caller(), t.call());
                noiseSteps++;
            }
            return machine.call(caller, call);
        }
    }

    /** The attack's machine with room for a bystander: one more domain, more frames. */
    private static Config roomier(Config c) {
        return new Config(c.levels(), c.entries(), c.frames() + 12, c.xenFrames(), c.reservedFirst(), c.reservedCount(),
                c.domains() + 1, c.vcpus(), c.ports(), c.grants());
    }

    /** Refused as on a quiet machine, except that "nothing changed" cannot hold while the bystander changes things. */
    private static boolean refusedDespiteNoise(AttackOutcome o) {
        boolean onlyUnchanged = o.failedPostconditions().stream().allMatch(p -> p.contains("exactly as before"));
        return o.setupFailure().isEmpty() && o.steps().stream().allMatch(pvspec.guests.attack.AttackStep::asExpected)
                && onlyUnchanged && o.violations().isEmpty();
    }

    @Test
    void onAQuietMachine() {
        for (Attack a : Catalogue.ALL) {
            AttackOutcome o = AttackRunner.run(a, new ModelHypercalls(a.config()));
            assertThat(o.refused()).as("%s: %s", a.info().name(), o).isTrue();
        }
    }

    @Test
    void amidRandomActivityOfABystander() {
        Settings settings = Settings.fromSystemProperties(6, 0);
        List<String> failures = new ArrayList<>();
        int noise = 0;
        for (int i = 0; i < settings.tries(); i++) {
            long seed = settings.firstSeed() + i;
            for (Attack a : Catalogue.ALL) {
                WithBystander m = new WithBystander(new ModelHypercalls(roomier(a.config())), seed);
                AttackOutcome o = AttackRunner.run(a, m);
                noise += m.noiseSteps;
                if (!refusedDespiteNoise(o)) {
                    failures.add("seed " + seed + " " + a.info().name() + ": got " + o.results() + ", expected " + o.expected()
                            + ", failed post-conditions " + o.failedPostconditions() + ", violations " + o.violations() + ", set-up " + o.setupFailure()
                            + "\n" + o.trace().print());
                }
            }
        }
        System.out.println("attacks amid a bystander: " + settings.tries() * Catalogue.ALL.size() + " runs, " + noise + " bystander requests");
        assertThat(failures).isEmpty();
        assertThat(noise).isPositive();
    }
}
