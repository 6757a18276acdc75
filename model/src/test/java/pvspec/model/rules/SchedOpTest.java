package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;

/** sched_op ({@link SchedOpRules}). */
class SchedOpTest {
    private final State s = oneGuest();

    @Test
    void yieldChangesNothing() {
        assertThat(accepts(s, "d1: sched_op yield", "OK")).isEqualTo(s);
    }

    @Test
    void blockSleepsUntilAnEventUnlessOneIsWaiting() {
        State t = accepts(s, "d1: sched_op block", "OK");
        assertThat(t.dom(1).vcpu(0).blocked()).isTrue();
        refuses(t, "d1: sched_op yield", "ESRCH");
        accepts(t, "d1.v1: sched_op yield", "OK");
        State u = accepts(s, "d1: event_channel_op bind_ipi vcpu=0", "1");
        u = accepts(u, "d1: event_channel_op send port=1", "OK");
        assertThat(accepts(u, "d1: sched_op block", "OK").dom(1).vcpu(0).blocked()).isFalse();
    }

    @Test
    void shutdownStopsTheWholeDomainUntilItIsDestroyed() {
        State t = accepts(s, "d1: sched_op shutdown", "OK");
        assertThat(t.dom(1).life()).isEqualTo(Lifecycle.SHUTDOWN);
        refuses(t, "d1.v1: sched_op yield", "ESRCH");
        t = accepts(t, "dom0: domctl destroydomain dom=1", "OK");
        assertThat(t.domains()).doesNotContainKey(1);
    }

    @Test
    void unknownCommandsAreNotImplemented() {
        refuses(s, "d1: sched_op cmd=3", "ENOSYS");
    }

    @Test
    void userModeCannotSchedule() {
        refuses(s, "d1/user: sched_op yield", "EPERM");
    }
}
