package pvspec.guests.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.guests.attack.Attack;
import pvspec.guests.attack.AttackOutcome;
import pvspec.guests.attack.AttackRunner;
import pvspec.guests.attack.Catalogue;
import pvspec.guests.driver.SplitDriver;
import pvspec.guests.hypercall.Checked;
import pvspec.guests.hypercall.Lockstep;
import pvspec.guests.hypercall.Target;
import pvspec.guests.hypercall.Targets;
import pvspec.guests.kernel.BootGuest;
import pvspec.guests.kernel.KernelOptions;
import pvspec.guests.random.RandomWorkload;
import pvspec.guests.runner.Runner;
import pvspec.model.abi.Caller;
import pvspec.model.state.Config;

/**
 * Every guest on every implementation other than the model, in lockstep with the model:
 * identical results and abstract states after every step, every invariant after every step.
 * Runs nothing until the hypervisor registers its {@code HypercallsProvider}.
 */
class ConformanceTest {

    static Stream<Target> implementations() {
        return Targets.all().stream().filter(t -> t != Targets.MODEL);
    }

    private static Lockstep lockstep(Target t, Config c) {
        return new Lockstep(Targets.MODEL.boot(c), t.boot(c));
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("implementations")
    void theKernelBootsIdenticallyOnBoth(Target t) {
        Lockstep both = lockstep(t, Configs.medium4());
        Runner.deterministic(Checked.invariants(both), 1).run(Caller.kernel(0), new BootGuest(100, 4, KernelOptions.domU()));
        assertThat(both.subject().abstractState()).isEqualTo(both.reference().abstractState());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("implementations")
    void theSplitDriverRunsIdenticallyOnBoth(Target t) {
        Lockstep both = lockstep(t, Configs.small());
        Runner.deterministic(Checked.invariants(both), 2).run(Caller.kernel(0), new SplitDriver(4, 5, 8));
        assertThat(both.subject().abstractState()).isEqualTo(both.reference().abstractState());
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("implementations")
    void everyAttackIsRefusedIdenticallyOnBoth(Target t) {
        for (Attack a : Catalogue.ALL) {
            AttackOutcome o = AttackRunner.run(a, lockstep(t, a.config()));
            assertThat(o.refused()).as(a.info().name()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("implementations")
    void randomGuestsRunIdenticallyOnBoth(Target t) {
        for (long seed = 1; seed <= 5; seed++) RandomWorkload.small().run(Checked.invariants(lockstep(t, Configs.small())), seed, 400);
    }
}
