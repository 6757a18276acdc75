package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.state.State;

/** The caller checks of {@link Step}, before any hypercall's own rules. */
class StepTest {
    private final State s = oneGuest();

    @Test
    void anUnknownDomainOrVcpuDoesNotRun() {
        refuses(s, "d5: sched_op yield", "ESRCH");
        refuses(s, "d1.v2: sched_op yield", "ESRCH");
        refuses(s, "d2.v1: access read va=0.0", "ESRCH");
        assertThat(Step.result(s, new Caller(-1, 0, Mode.KERNEL), new SchedOp.Yield())).isEqualTo(Result.err(pvspec.model.abi.Errno.ESRCH));
        assertThat(Step.result(s, new Caller(1, -1, Mode.KERNEL), new SchedOp.Yield())).isEqualTo(Result.err(pvspec.model.abi.Errno.ESRCH));
    }

    @Test
    void hypercallsFromUserModeAreRefusedButAccessesAreNot() {
        refuses(s, "d1/user: sched_op yield", "EPERM");
        refuses(s, "dom0/user: domctl createdomain max_pages=1 vcpus=1", "EPERM");
    }

    @Test
    void anUnknownHypercallIsNotImplemented() {
        refuses(s, "d1: hypercall nr=31", "ENOSYS");
        refuses(s, "d1/user: hypercall nr=31", "EPERM");
        assertThat(Step.step(s, Caller.kernel(1), new UnknownHypercall(99)).reason()).isPresent();
    }
}
