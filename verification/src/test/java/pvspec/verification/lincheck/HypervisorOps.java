package pvspec.verification.lincheck;

import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import pvspec.hypervisor.Hypervisor;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.verification.jpf.Call;
import pvspec.verification.jpf.Scenario;
import pvspec.verification.jpf.StateDigest;

/**
 * The concurrent object Lincheck drives: a hypervisor with the {@link Fixture}'s checks after the
 * setup of one of the concurrency scenarios ({@link pvspec.verification.jpf.Scenarios}). Operation {@code vcpuT(k)} is hypercall number
 * {@code k} of thread {@code T}'s menu, issued by that thread's vCPU (each vCPU's operations stay
 * on one thread, as a real vCPU issues one hypercall at a time); the post part reads the final
 * abstract state ({@link #state}), so Lincheck compares it with the model's as well as every
 * result. The validation function {@link #invariants} checks the model's invariants on it.
 *
 * <p>Results are compared as canonical text ({@link StateDigest}), the comparison the JPF harness
 * makes.
 */
public class HypervisorOps {
    private final Scenario scenario;
    private final Hypervisor hv;

    /**
     * Boots the hypervisor and issues the scenario's setup. In the constructor, not in Lincheck's
     * init part: objects built in the init part are taken for thread-local by Lincheck 3.7's
     * model checker, which then explores a single interleaving of the parallel part.
     */
    public HypervisorOps() {
        Fixture f = Fixture.current();
        scenario = f.scenario;
        hv = Hypervisor.boot(scenario.config, f.checks);
        for (Call c : scenario.setup) hv.hypercall(c.caller, c.request);
    }

    @Operation(nonParallelGroup = "vcpu0")
    public String vcpu0(int pick) {
        return call(0, pick);
    }

    @Operation(nonParallelGroup = "vcpu1")
    public String vcpu1(int pick) {
        return call(1, pick);
    }

    @Operation(nonParallelGroup = "vcpu2")
    public String vcpu2(int pick) {
        return call(2, pick);
    }

    /** The final abstract state, as canonical text (the abstraction takes every lock: a snapshot). */
    @Operation
    public String state() {
        return StateDigest.of(hv.abstractState());
    }

    @Validate
    public void invariants() {
        List<Violation> broken = Invariants.check(hv.abstractState());
        if (!broken.isEmpty()) throw new InvariantBroken(broken.get(0));
    }

    private String call(int thread, int pick) {
        Call c = scenario.menus[thread][pick];
        return StateDigest.result(hv.hypercall(c.caller, c.request));
    }

    /** The validation function's failure: the first invariant the final state breaks. */
    public static final class InvariantBroken extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        InvariantBroken(Violation v) {
            super(v.invariant() + ": " + v.message());
        }
    }
}
