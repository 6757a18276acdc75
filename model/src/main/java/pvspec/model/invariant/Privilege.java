package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/**
 * INV-10 privilege. Protects the boundary between the control domain and the guests, and
 * between a guest's kernel and its users (XSA-213): only dom0 is privileged, only dom0's
 * management and foreign-domain requests succeed, and no request from user mode except a memory
 * access or a software interrupt succeeds.
 */
public final class Privilege extends NamedInvariant {
    public Privilege() {
        super("INV-10", "privilege",
                "domctl and foreign-domain operations succeed only for dom0; user-mode hypercalls never succeed");
    }

    @Override
    public List<Violation> check(Facts facts) {
        List<Violation> out = new ArrayList<>();
        for (Domain d : facts.state().domains().values()) {
            if (d.privileged() != (d.id() == DomId.DOM0)) out.add(Violation.of(id(), "d" + d.id() + (d.privileged() ? " is privileged" : " is not privileged")));
        }
        return out;
    }

    @Override
    public List<Violation> stepConstraint(State before, Caller c, Hypercall h, Result r, State after) {
        List<Violation> out = new ArrayList<>();
        // memory_op reports a refusal as "0 done" (memory.c:do_memory_op): success there is work done.
        boolean succeeded = h instanceof MemoryOp ? extentsDone(r) > 0 : r.succeeded();
        if (!succeeded) return out;
        if (c.isUser() && !h.allowedInUserMode()) out.add(Violation.of(id(), h.kind() + " succeeded from user mode"));
        Domain caller = before.domains().get(c.domain());
        boolean privileged = caller != null && caller.privileged();
        if (!privileged && (h instanceof Domctl || foreign(c, h))) out.add(Violation.of(id(), h.kind() + " on another domain succeeded for unprivileged d" + c.domain()));
        return out;
    }

    /** Whether {@code h} acts on a domain other than the caller's. */
    static boolean foreign(Caller c, Hypercall h) {
        if (h instanceof MmuUpdate) return ((MmuUpdate) h).foreigndom() != DomId.DOMID_SELF;
        if (h instanceof MemoryOp.PopulatePhysmap) return other(c, ((MemoryOp.PopulatePhysmap) h).dom());
        if (h instanceof MemoryOp.DecreaseReservation) return other(c, ((MemoryOp.DecreaseReservation) h).dom());
        if (h instanceof EventChannelOp.AllocUnbound) return other(c, ((EventChannelOp.AllocUnbound) h).dom());
        if (h instanceof EventChannelOp.Status) return other(c, ((EventChannelOp.Status) h).dom());
        return false;
    }

    private static long extentsDone(Result r) {
        if (r instanceof Result.Extents) return ((Result.Extents) r).mfns().size();
        return r instanceof Result.Value ? ((Result.Value) r).value() : 0;
    }

    private static boolean other(Caller c, int dom) {
        return DomId.resolve(dom & 0xFFFF, c) != c.domain(); // a domid_t argument
    }
}
