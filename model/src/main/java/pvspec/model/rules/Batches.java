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

    /** What one request of a deferring batch leaves: the state, and the table whose put it deferred ({@code PTF_defer}), or -1. */
    record Done(State state, long deferred) {}

    interface DeferringRequest<T> {
        Done apply(State s, T item);
    }

    /**
     * {@code do_mmu_update}'s loop (mm.c:4057-4271; the caller has finished the vCPU's deferred
     * put first, mm.c:4003): as {@link #runPreemptible}, but a request that replaced an L2..L4
     * entry leaves the old table to a deferred put, which stops the loop before the next request
     * (mm.c:4059) with a continuation, or after the last with the null one (mm.c:4271-4286); the
     * continuation's {@code put_old_guest_table} (mm.c:4003) runs it. The model runs that
     * continuation at once, as the guest re-issues it before any instruction of its own: its
     * preemption checks count as this request's, and it goes on at {@code i = 0}, where the loop
     * head makes no preemption check. Preempted there, the request returns {@code restart done=i+1}
     * with the put pending (mm.c:4005-4011), which is what the guest sees.
     */
    static <T> Outcome runDeferring(State s, Caller c, List<T> items, Preemption p, DeferringRequest<T> request) {
        boolean continued = false;
        for (int done = 0; done < items.size(); done++) {
            if (OldGuestTable.held(s, c) || (done > 0 && !continued && p.fires())) return Outcome.of(s, new Result.Restart(done));
            Done d;
            try {
                d = request.apply(s, items.get(done));
            } catch (Refusal r) {
                return Outcome.refused(s, new Result.Partial(r.check().errno(), done), r.check());
            } catch (FailedAfter r) {
                // mm.c:4271-4286, 4014-4022: the null continuation tears the partial table down and returns rc; pdone says done.
                return new Outcome(r.state(s, c), new Result.Partial(r.check().errno(), done), Optional.of(r.check()));
            } catch (Preempted x) {
                return Outcome.of(x.state(), new Result.Restart(done)); // mod_l3/l4_entry's -ERESTART (mm.c:4201-4202, 4261-4262, 4267-4270)
            }
            s = d.state();
            continued = d.deferred() >= 0;
            if (!continued) continue;
            try {
                s = OldGuestTable.putDeferred(s, c, d.deferred(), p);
            } catch (Preempted x) {
                return Outcome.of(x.state(), new Result.Restart(done + 1));
            }
        }
        return Outcome.of(s, Result.OK);
    }
}
