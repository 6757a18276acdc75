package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.DomainArgs;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Multicall;
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
            if (d.privileged() != (d.id() == DomId.DOM0)) out.add(Violation.of(clause("only-dom0-privileged"), "d" + d.id() + (d.privileged() ? " is privileged" : " is not privileged")));
        }
        return out;
    }

    @Override
    public List<Violation> stepConstraint(State before, Caller c, Hypercall h, Result r, State after) {
        List<Violation> out = new ArrayList<>();
        if (h instanceof Multicall m && r instanceof Result.Multi replies) {
            // Each entry is judged by its own reply (the multicall itself returns 0).
            if (c.isUser()) out.add(Violation.of(clause("kernel-mode"), "multicall succeeded from user mode"));
            for (int i = 0; i < replies.entries().size() && i < m.calls().size(); i++) {
                out.addAll(stepConstraint(before, c, m.calls().get(i), replies.entries().get(i).result(), after));
            }
            return out;
        }
        // memory_op reports a refusal as "0 done" (memory.c:do_memory_op): success there is work done.
        // The reservation queries return a count or an error code.
        // XENMEM_exchange returns 0 or an error code.
        boolean succeeded = h instanceof MemoryOp && !(h instanceof MemoryOp.MaximumReservation || h instanceof MemoryOp.CurrentReservation
                || h instanceof MemoryOp.Exchange)
                ? extentsDone(r) > 0 : r.succeeded();
        if (!succeeded) return out;
        if (c.isUser() && !h.allowedInUserMode()) out.add(Violation.of(clause("kernel-mode"), h.kind() + " succeeded from user mode"));
        Domain caller = before.domains().get(c.domain());
        boolean privileged = caller != null && caller.privileged();
        if (!privileged && foreign(c, h)) out.add(Violation.of(clause("foreign-needs-privilege"), h.kind() + " on another domain succeeded for unprivileged d" + c.domain()));
        return out;
    }

    /**
     * Whether {@code h} acts on a domain other than the caller's: a management request (every
     * domctl), or a target ({@link DomainArgs.Role#TARGET}) that is not the caller. A peer named
     * to connect to or map from consented, and a stored id is not acted on.
     */
    static boolean foreign(Caller c, Hypercall h) {
        DomainArgs named = DomainArgs.of(h);
        if (named.management()) return true;
        // An empty batch does nothing and Xen checks the privilege only at the first request
        // (mm.c:4087-4096): it succeeds for anyone. DOMID_IO names no domain's memory and needs
        // no privilege (xsm/dummy.h:681).
        // (For mmu_update only: xsm_mmuext_op and xsm_update_va_mapping make no such exception.)
        if (h instanceof MmuUpdate u && u.requests().isEmpty()) return false;
        for (DomainArgs.Arg a : named.args()) {
            if (h instanceof MmuUpdate && a.id() == DomId.DOMID_IO) continue;
            if (a.role() == DomainArgs.Role.TARGET && other(c, a.id())) return true;
        }
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
