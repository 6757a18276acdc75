package pvspec.model.rules;

import java.util.List;
import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/**
 * Multi-request hypercalls ({@code mmu_update}, {@code mmuext_op}): requests take effect in order,
 * each one atomically, and processing stops at the first refused one, reporting how many were
 * done before it.
 */
final class Batches {
    private Batches() {}

    interface Request<T> {
        State apply(State s, T item);
    }

    static <T> Outcome run(State s, List<T> items, Request<T> request) {
        for (int done = 0; done < items.size(); done++) {
            try {
                s = request.apply(s, items.get(done));
            } catch (Refusal r) {
                return Outcome.refused(s, new Result.Partial(r.check().errno(), done), r.check());
            }
        }
        return Outcome.of(s, Result.OK);
    }

    /**
     * A preemptible batch ({@code do_mmuext_op}'s loop, mm.c:3510-3984; the caller has finished
     * the vCPU's deferred put first, mm.c:3461): before every request but the first it stops with {@code -ERESTART}
     * if a deferred put is pending or the preemption check fires (mm.c:3512-3516); a request
     * preempted inside stops it too. Every stop is a continuation ({@link Result.Restart}) that
     * keeps what was done; a deferred put left by the last request makes the null one
     * (mm.c:3955-3969).
     */
    static <T> Outcome runPreemptible(State s, Caller c, List<T> items, Preemption p, Request<T> request) {
        for (int done = 0; done < items.size(); done++) {
            if (OldGuestTable.held(s, c) || (done > 0 && p.fires())) return Outcome.of(s, new Result.Restart(done));
            try {
                s = request.apply(s, items.get(done));
            } catch (Refusal r) {
                return Outcome.refused(s, new Result.Partial(r.check().errno(), done), r.check());
            } catch (FailedAfter r) {
                return new Outcome(r.state(s, c), new Result.Partial(r.check().errno(), done), Optional.of(r.check()));
            } catch (Preempted x) {
                return Outcome.of(x.state(), new Result.Restart(done));
            }
        }
        return Outcome.of(s, OldGuestTable.held(s, c) ? new Result.Restart(items.size()) : Result.OK);
    }
}
