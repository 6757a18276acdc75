package pvspec.verification.lincheck;

import pvspec.hypervisor.Checks;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.verification.jpf.Call;
import pvspec.verification.jpf.Scenario;

/**
 * What the current Lincheck run checks: one concurrency scenario (its setup and its vCPUs'
 * menus) and the hypervisor's checks (Xen's, or a seeded race). Lincheck builds a fresh
 * {@link HypervisorOps} and {@link ModelOps} through their no-argument constructors for every
 * invocation and every sequential replay, so the run's subject reaches them through this one
 * static slot, set by {@link LincheckRun} before it starts Lincheck (Lincheck runs one test at a
 * time).
 */
final class Fixture {
    private static volatile Fixture current;

    final Scenario scenario;
    final Checks checks;
    /** The model after the scenario's setup: immutable, shared by every sequential replay. */
    final State modelAfterSetup;

    private Fixture(Scenario scenario, Checks checks) {
        this.scenario = scenario;
        this.checks = checks;
        State s = State.initial(scenario.config);
        for (Call c : scenario.setup) s = Step.step(s, c.caller, c.request).state();
        modelAfterSetup = s;
    }

    static void use(Scenario scenario, Checks checks) {
        current = new Fixture(scenario, checks);
    }

    static Fixture current() {
        Fixture f = current;
        if (f == null) throw new IllegalStateException("no Lincheck fixture: run through LincheckRun");
        return f;
    }
}
