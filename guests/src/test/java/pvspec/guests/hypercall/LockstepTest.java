package pvspec.guests.hypercall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import pvspec.guests.random.RandomWorkload;
import pvspec.guests.testing.Configs;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Reply;
import pvspec.model.abi.SchedOp;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/** Lockstep comparison: agreeing machines pass, a machine that answers differently is caught at that step. */
class LockstepTest {

    @Test
    void twoModelsAgreeOnEveryStepOfARandomWorkload() {
        Lockstep both = new Lockstep(new ModelHypercalls(Configs.small()), new ModelHypercalls(Configs.small()));
        int steps = RandomWorkload.small().run(both, 1, 300).steps().size();
        assertThat(both.reference().abstractState()).isEqualTo(both.subject().abstractState());
        assertThat(steps).isGreaterThan(300);
    }

    @Test
    void aDifferentResultIsADivergenceNamingTheStep() {
        Hypercalls wrong = new Hypercalls() {
            final ModelHypercalls inner = new ModelHypercalls(Configs.small());
            @Override public Config config() { return inner.config(); }
            @Override public State abstractState() { return inner.abstractState(); }
            @Override public Reply call(Caller c, Hypercall h) {
                Reply r = inner.call(c, h);
                return h instanceof SchedOp.Yield ? Reply.of(Result.err(Errno.EPERM)) : r;
            }
        };
        Lockstep both = new Lockstep(new ModelHypercalls(Configs.small()), wrong);
        both.hypercall(Caller.kernel(0), Calls.createDomain(1, 1));
        assertThatThrownBy(() -> both.hypercall(Caller.kernel(0), Calls.yield()))
                .isInstanceOf(Divergence.class).hasMessageContaining("step 2").hasMessageContaining("EPERM");
    }

    @Test
    void theSameErrorForAnotherReasonIsADivergence() {
        Hypercalls otherReason = new Hypercalls() {
            final ModelHypercalls inner = new ModelHypercalls(Configs.small());
            @Override public Config config() { return inner.config(); }
            @Override public State abstractState() { return inner.abstractState(); }
            @Override public Reply call(Caller c, Hypercall h) {
                Reply r = inner.call(c, h);
                return r.check().isPresent() ? Reply.refused(r.result(), Check.UNKNOWN_HYPERCALL) : r;
            }
        };
        Lockstep both = new Lockstep(new ModelHypercalls(Configs.small()), otherReason);
        both.hypercall(Caller.kernel(0), Calls.createDomain(1, 1));
        assertThatThrownBy(() -> both.hypercall(Caller.kernel(0), Calls.createDomain(-1, 1)))
                .isInstanceOf(Divergence.class).hasMessageContaining("step 2")
                .hasMessageContaining("EINVAL [domctl.c:do_domctl:max-mem]").hasMessageContaining("hypercall.c:_pv_hypercall:unknown-hypercall");
    }

    @Test
    void aDifferentStateIsADivergence() {
        Lockstep both = new Lockstep(new ModelHypercalls(Configs.small()), new ModelHypercalls(Configs.small()));
        both.subject().hypercall(Caller.kernel(0), Calls.createDomain(1, 1)); // behind the reference's back
        assertThatThrownBy(() -> both.hypercall(Caller.kernel(0), Calls.yield()))
                .isInstanceOf(Divergence.class).hasMessageContaining("abstract states differ");
    }
}
