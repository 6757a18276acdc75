package pvspec.hypervisor;

import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;

/**
 * The domain locks a hypercall starts with: the caller's and those its arguments name. Only a
 * first guess (taken in ascending id order without any state read): whatever else the hypercall
 * finds it needs, it takes on the way ({@link Txn#need}).
 */
final class LockPlan {
    private LockPlan() {}

    static long of(Hypervisor hv, Caller c, Hypercall h) {
        int me = c.domain();
        long m = bit(hv, me);
        if (h instanceof MmuUpdate) {
            m |= bit(hv, ((MmuUpdate) h).foreigndom());
        } else if (h instanceof GrantTableOp.MapGrantRef) {
            m |= bit(hv, ((GrantTableOp.MapGrantRef) h).dom());
        } else if (h instanceof EventChannelOp.AllocUnbound) {
            m |= bit(hv, resolve(((EventChannelOp.AllocUnbound) h).dom(), me));
        } else if (h instanceof EventChannelOp.BindInterdomain) {
            m |= bit(hv, resolve(((EventChannelOp.BindInterdomain) h).remoteDom(), me));
        } else if (h instanceof EventChannelOp.Status) {
            m |= bit(hv, resolve(((EventChannelOp.Status) h).dom(), me));
        } else if (h instanceof MemoryOp.PopulatePhysmap) {
            m |= bit(hv, resolve(((MemoryOp.PopulatePhysmap) h).dom(), me));
        } else if (h instanceof MemoryOp.DecreaseReservation) {
            m |= bit(hv, resolve(((MemoryOp.DecreaseReservation) h).dom(), me));
        } else if (h instanceof Domctl.DestroyDomain) {
            m |= hv.allSlots(); // teardown reaches every domain it ever shared with
        } else if (h instanceof Domctl.PauseDomain) {
            m |= bit(hv, ((Domctl.PauseDomain) h).dom());
        } else if (h instanceof Domctl.UnpauseDomain) {
            m |= bit(hv, ((Domctl.UnpauseDomain) h).dom());
        } else if (h instanceof Domctl.MaxMem) {
            m |= bit(hv, ((Domctl.MaxMem) h).dom());
        }
        return lockable(hv, me, m);
    }

    /** The planned locks {@link Checks#locksDomain} lets the hypercall take (all of them but in a seeded race). */
    private static long lockable(Hypervisor hv, int me, long m) {
        long out = m;
        for (long r = m; r != 0; r &= r - 1) {
            int d = Long.numberOfTrailingZeros(r);
            if (!hv.checks.locksDomain(me, d)) out &= ~(1L << d);
        }
        return out;
    }

    private static int resolve(int id, int me) {
        return id == DomId.DOMID_SELF ? me : id;
    }

    private static long bit(Hypervisor hv, int d) {
        return d >= 0 && d < hv.nslots ? 1L << d : 0;
    }
}
