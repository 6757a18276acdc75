package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
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
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateVaMapping;
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
        // memory_op reports a refusal as "0 done" (memory.c:do_memory_op): success there is work done.
        boolean succeeded = h instanceof MemoryOp && !(h instanceof MemoryOp.MaximumReservation || h instanceof MemoryOp.CurrentReservation)
                ? extentsDone(r) > 0 : r.succeeded();
        if (!succeeded) return out;
        if (c.isUser() && !h.allowedInUserMode()) out.add(Violation.of(clause("kernel-mode"), h.kind() + " succeeded from user mode"));
        Domain caller = before.domains().get(c.domain());
        boolean privileged = caller != null && caller.privileged();
        if (!privileged && foreign(c, h)) out.add(Violation.of(clause("foreign-needs-privilege"), h.kind() + " on another domain succeeded for unprivileged d" + c.domain()));
        return out;
    }

    /** Whether {@code h} acts on a domain other than the caller's (domctl always does). Every kind says. */
    static boolean foreign(Caller c, Hypercall h) {
        return h.accept(new Hypercall.Visitor<>() {
            // An empty batch does nothing and Xen checks the privilege only at the first request
            // (mm.c:4087-4096): it succeeds for anyone.
            @Override public Boolean mmuUpdate(MmuUpdate x) { return x.foreigndom() != DomId.DOMID_SELF && !x.requests().isEmpty(); }
            @Override public Boolean domctl(Domctl x) { return true; }

            @Override
            public Boolean memoryOp(MemoryOp x) {
                return x.accept(new MemoryOp.Visitor<>() {
                    @Override public Boolean populatePhysmap(MemoryOp.PopulatePhysmap p) { return other(c, p.dom()); }
                    @Override public Boolean decreaseReservation(MemoryOp.DecreaseReservation d) { return other(c, d.dom()); }
                    @Override public Boolean maximumReservation(MemoryOp.MaximumReservation m) { return other(c, m.dom()); }
                    @Override public Boolean currentReservation(MemoryOp.CurrentReservation m) { return other(c, m.dom()); }
                    @Override public Boolean unknown(MemoryOp.Unknown u) { return false; }
                });
            }

            @Override
            public Boolean eventChannelOp(EventChannelOp x) {
                return x.accept(new EventChannelOp.Visitor<>() {
                    @Override public Boolean allocUnbound(EventChannelOp.AllocUnbound a) { return other(c, a.dom()); }
                    @Override public Boolean status(EventChannelOp.Status st) { return other(c, st.dom()); }
                    @Override public Boolean reset(EventChannelOp.Reset r) { return other(c, r.dom()); }
                    @Override public Boolean bindVcpu(EventChannelOp.BindVcpu b) { return false; }
                    // A peer is named, but connecting to it is the caller's own business.
                    @Override public Boolean bindInterdomain(EventChannelOp.BindInterdomain b) { return false; }
                    @Override public Boolean bindVirq(EventChannelOp.BindVirq b) { return false; }
                    @Override public Boolean bindIpi(EventChannelOp.BindIpi b) { return false; }
                    @Override public Boolean close(EventChannelOp.Close b) { return false; }
                    @Override public Boolean send(EventChannelOp.Send b) { return false; }
                    @Override public Boolean unmask(EventChannelOp.Unmask b) { return false; }
                    @Override public Boolean unknown(EventChannelOp.Unknown u) { return false; }
                });
            }

            // The caller's own resources (a grant map names the granter, who consented).
            @Override public Boolean mmuextOp(MmuextOp x) { return false; }
            @Override public Boolean updateVaMapping(UpdateVaMapping x) { return false; }
            @Override public Boolean setTrapTable(SetTrapTable x) { return false; }
            @Override public Boolean setCallbacks(SetCallbacks x) { return false; }
            @Override public Boolean eventChannelWrite(EventChannelWrite x) { return false; }
            @Override public Boolean grantTableOp(GrantTableOp x) { return false; }
            @Override public Boolean grantTableWrite(GrantTableWrite x) { return false; }
            @Override public Boolean schedOp(SchedOp x) { return false; }
            @Override public Boolean access(Access x) { return false; }
            @Override public Boolean softInt(SoftInt x) { return false; }
            @Override public Boolean unknown(UnknownHypercall x) { return false; }
        });
    }

    private static long extentsDone(Result r) {
        if (r instanceof Result.Extents) return ((Result.Extents) r).mfns().size();
        return r instanceof Result.Value ? ((Result.Value) r).value() : 0;
    }

    private static boolean other(Caller c, int dom) {
        return DomId.resolve(dom & 0xFFFF, c) != c.domain(); // a domid_t argument
    }
}
