package pvspec.guests.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.guests.hypercall.Checked;
import pvspec.guests.hypercall.Target;
import pvspec.guests.hypercall.Targets;
import pvspec.guests.testing.Configs;
import pvspec.model.abi.Domctl;
import pvspec.model.testing.TraceRun;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/** The seeded random guests: deterministic, mostly valid, sometimes hostile, never breaking an invariant. */
class RandomWorkloadTest {
    static final int STEPS = 400;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyInvariantHoldsAfterEveryStepOnEveryTarget(long seed) {
        for (Target t : Targets.all()) {
            Checked machine = Checked.invariants(t.boot(Configs.small()));
            Trace trace = RandomWorkload.small().run(machine, seed, STEPS);
            assertThat(machine.steps()).isEqualTo(trace.steps().size());
        }
    }

    @Test
    void onAMediumMachineWithMoreGuestsEveryInvariantHolds() {
        for (long seed = 1; seed <= 3; seed++) {
            Checked machine = Checked.invariants(Targets.MODEL.boot(Configs.medium3()));
            new RandomWorkload(3, 20, 4, 0.2).run(machine, seed, 300);
            assertThat(machine.steps()).isGreaterThan(300);
        }
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        String a = RandomWorkload.small().run(Targets.MODEL.boot(Configs.small()), 5, 200).print();
        assertThat(RandomWorkload.small().run(Targets.MODEL.boot(Configs.small()), 5, 200).print()).isEqualTo(a);
        assertThat(RandomWorkload.small().run(Targets.MODEL.boot(Configs.small()), 6, 200).print()).isNotEqualTo(a);
    }

    @Test
    void requestsAreMostlyValidAndSometimesHostile() {
        Trace t = RandomWorkload.small().run(Targets.MODEL.boot(Configs.small()), 9, 1000);
        List<TraceStep> steps = t.steps();
        long ok = steps.stream().filter(s -> succeeded(s)).count();
        long user = steps.stream().filter(s -> s.caller().isUser()).count();
        assertThat(ok).as("successes").isGreaterThan(steps.size() / 2);
        assertThat(steps.size() - ok).as("refusals").isGreaterThan(50);
        assertThat(user).as("user-mode requests").isPositive();
        assertThat(steps).anyMatch(s -> s.call() instanceof Domctl && s.caller().domain() != 0);
    }

    @Test
    void withoutHostilityNoRequestComesFromUserModeOrIsADomctlOfAGuest() {
        Trace t = new RandomWorkload(2, 5, 2, 0.0).run(Targets.MODEL.boot(Configs.small()), 4, 500);
        assertThat(t.steps()).noneMatch(s -> s.caller().isUser());
        assertThat(t.steps()).noneMatch(s -> s.call() instanceof Domctl && s.caller().domain() != 0);
    }

    @Test
    void theRecordedTraceReplaysOnTheModelToTheSameResults() throws Exception {
        Trace t = RandomWorkload.small().run(Targets.MODEL.boot(Configs.small()), 3, 300);
        TraceRun run = TraceRun.of(Trace.parse("random.trace", t.print()));
        assertThat(run.results()).hasSize(t.steps().size());
    }

    private static boolean succeeded(TraceStep s) {
        String r = s.expect().orElseThrow().text();
        return !(r.startsWith("E") || r.startsWith("GNTST_general") || r.startsWith("GNTST_bad") || r.equals("fault"));
    }
}
