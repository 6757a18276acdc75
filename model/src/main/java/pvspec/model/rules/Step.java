package pvspec.model.rules;

import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Errno.ESRCH;
import static pvspec.model.rules.Refusal.require;

import java.util.List;
import java.util.Optional;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/**
 * The specification's one entry point: {@code step(state, caller, request) -> (state', result)}.
 *
 * <p>{@code step} is <b>total</b> (every request, however malformed, gets a result, never an
 * exception), <b>atomic</b> (a refused request leaves the state as it was; a batch keeps the
 * requests before the refused one) and <b>deterministic</b> (allocation takes the lowest free
 * frame, domain id, port and handle).
 */
public final class Step {
    private Step() {}

    /** Only a running vCPU issues requests. */
    static final Refusal NOT_RUNNING = Refusal.of(ESRCH,
            "the caller is not a running vCPU (no such domain or vCPU, or paused, shut down, dying or blocked)");
    /** Hypercalls are guest-kernel operations (XSA-213's lesson). */
    static final Refusal USER_MODE = Refusal.of(EPERM, "hypercalls are accepted only from guest kernel mode");
    static final Refusal UNKNOWN_HYPERCALL = Refusal.of(ENOSYS, "no such hypercall in ABI v1");

    static final List<Refusal> REFUSALS = List.of(NOT_RUNNING, USER_MODE, UNKNOWN_HYPERCALL);

    public static Outcome step(State s, Caller c, Hypercall h) {
        try {
            Domain d = s.domains().get(c.domain());
            require(d != null && d.running() && d.hasVcpu(c.vcpu()) && !d.vcpu(c.vcpu()).blocked(), NOT_RUNNING);
            require(!c.isUser() || h.allowedInUserMode(), USER_MODE);
            Outcome o = dispatch(s, c, h);
            return new Outcome(Domains.reap(o.state()), o.result(), o.reason());
        } catch (Refusal r) {
            return refused(s, h, r);
        }
    }

    /** Convenience: the result alone. */
    public static Result result(State s, Caller c, Hypercall h) {
        return step(s, c, h).result();
    }

    private static Outcome dispatch(State s, Caller c, Hypercall h) {
        if (h instanceof MmuUpdate) return MmuUpdateRules.apply(s, c, (MmuUpdate) h);
        if (h instanceof MmuextOp) return MmuextOpRules.apply(s, c, (MmuextOp) h);
        if (h instanceof UpdateVaMapping) return UpdateVaMappingRules.apply(s, c, (UpdateVaMapping) h);
        if (h instanceof SetTrapTable) return TrapRules.setTrapTable(s, c, (SetTrapTable) h);
        if (h instanceof SetCallbacks) return TrapRules.setCallbacks(s, c, (SetCallbacks) h);
        if (h instanceof SoftInt) return TrapRules.softInt(s, c, (SoftInt) h);
        if (h instanceof Access) return AccessRules.apply(s, c, (Access) h);
        if (h instanceof EventChannelOp) return EventChannelRules.apply(s, c, (EventChannelOp) h);
        if (h instanceof EventChannelWrite) return EventChannelRules.write(s, c, (EventChannelWrite) h);
        if (h instanceof GrantTableOp) return GrantTableRules.apply(s, c, (GrantTableOp) h);
        if (h instanceof GrantTableWrite) return GrantTableRules.write(s, c, (GrantTableWrite) h);
        if (h instanceof MemoryOp) return MemoryOpRules.apply(s, c, (MemoryOp) h);
        if (h instanceof Domctl) return DomctlRules.apply(s, c, (Domctl) h);
        if (h instanceof SchedOp) return SchedOpRules.apply(s, c, (SchedOp) h);
        throw UNKNOWN_HYPERCALL;
    }

    /** A batch hypercall refused before its first request reports "0 done". */
    private static Outcome refused(State s, Hypercall h, Refusal r) {
        if ((h instanceof MmuUpdate || h instanceof MmuextOp) && r.result() instanceof Result.Err) {
            return new Outcome(s, new Result.Partial(r.errno(), 0), Optional.of(r.sentence()));
        }
        return Outcome.refused(s, r);
    }
}
