package pvspec.checker;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;

/**
 * A request with every domain id, frame number and grant reference in it renamed. The symmetry
 * reductions are sound only if the request space is closed under their renamings; this is how
 * that is checked.
 */
final class RequestRenamer {
    private final Renaming r;
    private final Config c;

    RequestRenamer(Renaming r, Config c) {
        this.r = r;
        this.c = c;
    }

    Caller caller(Caller x) {
        return new Caller(r.dom(x.domain()), x.vcpu(), x.mode());
    }

    Hypercall call(Caller caller, Hypercall h) {
        if (h instanceof MmuUpdate) {
            MmuUpdate u = (MmuUpdate) h;
            List<MmuUpdate.Request> rs = new ArrayList<>();
            for (MmuUpdate.Request q : u.requests()) rs.add(new MmuUpdate.Request(mfn(q.mfn()), q.index(), pte(q.val())));
            return new MmuUpdate(rs, r.dom(u.foreigndom()));
        }
        if (h instanceof MmuextOp) {
            List<MmuextOp.Op> ops = new ArrayList<>();
            for (MmuextOp.Op op : ((MmuextOp) h).ops()) ops.add(op(op));
            return new MmuextOp(ops);
        }
        if (h instanceof UpdateVaMapping) {
            UpdateVaMapping u = (UpdateVaMapping) h;
            return new UpdateVaMapping(u.va(), pte(u.val()), u.flags());
        }
        if (h instanceof EventChannelOp.AllocUnbound) {
            EventChannelOp.AllocUnbound a = (EventChannelOp.AllocUnbound) h;
            return new EventChannelOp.AllocUnbound(r.dom(a.dom()), r.dom(a.remoteDom()));
        }
        if (h instanceof EventChannelOp.BindInterdomain) {
            EventChannelOp.BindInterdomain b = (EventChannelOp.BindInterdomain) h;
            return new EventChannelOp.BindInterdomain(r.dom(b.remoteDom()), b.remotePort());
        }
        if (h instanceof EventChannelOp.Status) {
            EventChannelOp.Status s = (EventChannelOp.Status) h;
            return new EventChannelOp.Status(r.dom(s.dom()), s.port());
        }
        if (h instanceof GrantTableOp.MapGrantRef) {
            GrantTableOp.MapGrantRef m = (GrantTableOp.MapGrantRef) h;
            return new GrantTableOp.MapGrantRef(r.dom(m.dom()), r.ref(DomId.resolve(m.dom(), caller), m.ref()), m.flags(), m.hostVa());
        }
        if (h instanceof GrantTableWrite.Grant) {
            GrantTableWrite.Grant g = (GrantTableWrite.Grant) h;
            return new GrantTableWrite.Grant(r.ref(caller.domain(), g.ref()), r.dom(g.domid()), mfn(g.frame()), g.readonly());
        }
        if (h instanceof GrantTableWrite.EndAccess) {
            return new GrantTableWrite.EndAccess(r.ref(caller.domain(), ((GrantTableWrite.EndAccess) h).ref()));
        }
        if (h instanceof MemoryOp.PopulatePhysmap) {
            MemoryOp.PopulatePhysmap p = (MemoryOp.PopulatePhysmap) h;
            return new MemoryOp.PopulatePhysmap(r.dom(p.dom()), p.count());
        }
        if (h instanceof MemoryOp.DecreaseReservation) {
            MemoryOp.DecreaseReservation d = (MemoryOp.DecreaseReservation) h;
            List<Long> ms = new ArrayList<>();
            for (long m : d.mfns()) ms.add(mfn(m));
            return new MemoryOp.DecreaseReservation(r.dom(d.dom()), ms);
        }
        if (h instanceof Domctl.DestroyDomain) return new Domctl.DestroyDomain(r.dom(((Domctl.DestroyDomain) h).dom()));
        if (h instanceof Domctl.PauseDomain) return new Domctl.PauseDomain(r.dom(((Domctl.PauseDomain) h).dom()));
        if (h instanceof Domctl.UnpauseDomain) return new Domctl.UnpauseDomain(r.dom(((Domctl.UnpauseDomain) h).dom()));
        if (h instanceof Domctl.MaxMem) {
            Domctl.MaxMem m = (Domctl.MaxMem) h;
            return new Domctl.MaxMem(r.dom(m.dom()), m.pages());
        }
        return h; // no domain ids, frames or references in it
    }

    private MmuextOp.Op op(MmuextOp.Op op) {
        if (op instanceof MmuextOp.Pin) return new MmuextOp.Pin(((MmuextOp.Pin) op).level(), mfn(((MmuextOp.Pin) op).mfn()));
        if (op instanceof MmuextOp.Unpin) return new MmuextOp.Unpin(mfn(((MmuextOp.Unpin) op).mfn()));
        if (op instanceof MmuextOp.NewBaseptr) return new MmuextOp.NewBaseptr(mfn(((MmuextOp.NewBaseptr) op).mfn()));
        if (op instanceof MmuextOp.ClearPage) return new MmuextOp.ClearPage(mfn(((MmuextOp.ClearPage) op).mfn()));
        if (op instanceof MmuextOp.MarkSuper) return new MmuextOp.MarkSuper(mfn(((MmuextOp.MarkSuper) op).mfn()));
        if (op instanceof MmuextOp.UnmarkSuper) return new MmuextOp.UnmarkSuper(mfn(((MmuextOp.UnmarkSuper) op).mfn()));
        return op;
    }

    private long mfn(long m) {
        return m >= 0 && m < c.frames() ? r.mfn(m) : m;
    }

    private long pte(long w) {
        long m = Pte.mfn(w);
        return m < c.frames() ? (w & ~Pte.MFN_MASK) | (r.mfn(m) << Pte.MFN_SHIFT) : w;
    }
}
