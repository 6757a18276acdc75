package pvspec.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.state.PortState;
import pvspec.model.state.State;

/**
 * The lock order in action: d2 sends on its channel to d1 while d1's lock is busy. Taking d1's
 * lock while holding d2's would break the ascending order, so the hypercall must give up d2's
 * lock and wait for d1's then d2's; when d1 is free it completes as if it had run alone.
 */
class LockRetryTest {
    @Test
    void aHypercallNeedingALowerLockReleasesItsOwnAndWaitsInOrder() throws Exception {
        Config c = Config.small();
        Hypervisor hv = Hypervisor.boot(c);
        Prelude.build(c, hv::hypercall);
        AtomicReference<Result> result = new AtomicReference<>();
        Thread sender = new Thread(() -> result.set(hv.hypercall(Caller.kernel(2), new EventChannelOp.Send(1))));
        sender.setDaemon(true);

        hv.slotLocks[1].lock(); // d1 is busy
        try {
            sender.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!hv.slotLocks[1].hasQueuedThread(sender) && System.nanoTime() < deadline) Thread.onSpinWait();
            assertThat(hv.slotLocks[1].hasQueuedThread(sender)).as("the sender waits for d1").isTrue();
            assertThat(hv.slotLocks[2].isLocked()).as("while waiting for d1 it holds nothing above it").isFalse();
            assertThat(result.get()).isNull();
        } finally {
            hv.slotLocks[1].unlock();
        }
        sender.join(30_000);
        assertThat(sender.isAlive()).isFalse();
        assertThat(result.get()).isEqualTo(Result.OK);
        State s = hv.abstractState();
        assertThat(s.dom(1).port(1).state()).isInstanceOf(PortState.Interdomain.class);
        assertThat(s.dom(1).port(1).pending()).isTrue();
        assertThat(Consistency.check(hv)).isEmpty();
    }
}
