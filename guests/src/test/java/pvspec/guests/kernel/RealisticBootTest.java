package pvspec.guests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import pvspec.guests.hypercall.Checked;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.Targets;
import pvspec.guests.runner.RunReport;
import pvspec.guests.runner.Runner;
import pvspec.model.abi.Caller;
import pvspec.model.abi.SchedOp;
import pvspec.model.invariant.Invariants;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * A 1 GiB guest (262144 frames of 4 KiB, 4 levels x 512, 4 vCPUs) boots on the realistic configuration,
 * touching every page. Too slow for every build on the model (see the report it prints); run it
 * with {@code -Dpvspec.realistic=true}. Invariants are checked once, just before the shutdown,
 * not after every step.
 */
@EnabledIfSystemProperty(named = "pvspec.realistic", matches = "true")
class RealisticBootTest {
    static final int GIB_FRAMES = 262_144;

    @Test
    void aOneGibGuestBootsAndTouchesEveryPage() {
        long t0 = System.nanoTime();
        Hypercalls model = Targets.MODEL.boot(Config.realistic());
        long t1 = System.nanoTime();
        State[] atShutdown = new State[1];
        Hypercalls machine = new Checked(model, (before, c, h, r, after) -> {
            if (h instanceof SchedOp.Shutdown) atShutdown[0] = before;
        });
        // No destroydomain at the end: the model's teardown of a 1 GiB domain is quadratic (see the report).
        PvKernel[] guest = new PvKernel[1];
        RunReport report = Runner.deterministic(machine, 1).run(Caller.kernel(0), cpu -> {
            StartInfo start = Toolstack.createDomain(cpu.hypercalls(), GIB_FRAMES, 4);
            guest[0] = new PvKernel(start, KernelOptions.domU());
            cpu.spawn(Caller.kernel(start.domid()), guest[0]);
        });
        long t2 = System.nanoTime();
        boolean invariantsHold = Invariants.check(atShutdown[0]).isEmpty();
        long t3 = System.nanoTime();
        System.out.printf("realistic boot: initial state %.1f s, %d requests in %.1f s, one invariant check %.1f s%n",
                (t1 - t0) / 1e9, report.steps(), (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        assertThat(invariantsHold).isTrue();
        Layout layout = guest[0].kernel().layout();
        assertThat(layout.tables(1)).hasSize(512); // the 262144 frames, the tables' own included, 512 per L1
        assertThat(layout.dataFrames()).hasSize(GIB_FRAMES - 512 - 3);
    }
}
