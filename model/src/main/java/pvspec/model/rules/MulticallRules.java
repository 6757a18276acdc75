package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MULTICALL_REENTRY;
import static pvspec.model.abi.check.Check.UNKNOWN_HYPERCALL;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/**
 * {@code HYPERVISOR_multicall} ({@code common/multicall.c:do_multicall} 36-125 with
 * {@code pv/hypercall.c:pv_do_multicall_call} 90-117): each entry runs as the hypercall it names
 * would, in order, and keeps its effects whatever the later ones do; its reply is what it wrote
 * to its {@code result} field. The loop ends
 * <ul>
 *   <li>after an {@code iret} entry ({@code mc_exit}, hypercall.c:114): the fix of XSA-213, where
 *       the entries after it ran with the vCPU already in user mode;</li>
 *   <li>after an entry that left the vCPU out of kernel mode ({@code mc_preempt}, hypercall.c:115-116);</li>
 *   <li>after an entry that stopped its caller (shut down, crashed or blocked): the next
 *       {@code hypercall_preempt_check} (multicall.c:56-57) sees the scheduler's softirq and the
 *       rest becomes a continuation that a stopped vCPU does not run (a blocked one runs it when
 *       woken: pvspec has no continuations, see docs/xen-conformance.md).</li>
 * </ul>
 */
final class MulticallRules {
    private MulticallRules() {}

    static Outcome apply(State s, Caller c, Multicall h) {
        List<Reply> replies = new ArrayList<>();
        for (Hypercall e : h.calls()) {
            Outcome o = entry(s, c, e);
            s = o.state();
            replies.add(o.reply());
            Domain d = s.dom(c.domain());
            if (e instanceof Iret || d.vcpu(c.vcpu()).userMode()) break;
            if (!d.running() || d.vcpu(c.vcpu()).blocked()) break;
        }
        return Outcome.of(s, new Result.Multi(replies));
    }

    /** One entry: the {@code MCSF_in_multicall} flag refuses a nested multicall (multicall.c:45-49); a guest action has no op number. */
    private static Outcome entry(State s, Caller c, Hypercall e) {
        if (e instanceof Multicall) return Outcome.refused(s, MULTICALL_REENTRY.result(), MULTICALL_REENTRY);
        if (Multicall.isGuestAction(e)) return Outcome.refused(s, UNKNOWN_HYPERCALL.result(), UNKNOWN_HYPERCALL);
        return Step.call(s, c, e);
    }
}
