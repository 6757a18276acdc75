package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.MULTICALL_REENTRY;
import static pvspec.model.abi.check.Check.UNKNOWN_HYPERCALL;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Reply;

/**
 * {@code do_multicall} (common/multicall.c:36-125) with {@code pv_do_multicall_call}
 * (pv/hypercall.c:90-117): the entries run in order inside the one transaction, each rolled back
 * alone when refused; the loop ends after an {@code iret} ({@code mc_exit}), when the vCPU is
 * out of kernel mode ({@code mc_preempt}), or when the caller stopped (the preemption check).
 */
final class MulticallOps {
    private MulticallOps() {}

    static Result apply(Txn t, Multicall h) {
        List<Reply> replies = new ArrayList<>(h.calls().size());
        for (Hypercall e : h.calls()) {
            replies.add(entry(t, e));
            if (t.checks.multicallEndsOnModeChange() && (e instanceof Iret || t.dom.userMode(t.vcpu))) break;
            if (!t.dom.running() || t.dom.blocked(t.vcpu)) break;
        }
        t.batchStoppedBy = null;
        return new Result.Multi(replies);
    }

    private static Reply entry(Txn t, Hypercall e) {
        if (e instanceof Multicall) return Hypervisor.refusal(e, MULTICALL_REENTRY); // _MCSF_in_multicall (multicall.c:45-49)
        if (Multicall.isGuestAction(e)) return Hypervisor.refusal(e, UNKNOWN_HYPERCALL);
        long mark = t.mark();
        t.batchStoppedBy = null;
        try {
            Result r = t.dispatch.run(e);
            Check stoppedBy = t.batchStoppedBy;
            return stoppedBy == null ? Reply.of(r) : Reply.refused(r, stoppedBy);
        } catch (Refused x) {
            t.rollback(mark);
            return Hypervisor.refusal(e, x.check);
        } catch (FailedAfter x) { // refused; the taken-over partial table is torn down
            x.settle(t, mark);
            return Hypervisor.refusal(e, x.check);
        }
    }
}
