package pvspec.hypervisor;

import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.DomainArgs;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Multicall;

/**
 * The domain locks a hypercall starts with: the caller's and those its arguments name. Only a
 * first guess (taken in ascending id order without any state read): whatever else the hypercall
 * finds it needs, it takes on the way ({@link Txn#need}).
 */
final class LockPlan {
    private LockPlan() {}

    static long of(Hypervisor hv, Caller c, Hypercall h) {
        int me = c.domain();
        return lockable(hv, me, bit(hv, me) | named(hv, c, h));
    }

    /**
     * The domains the arguments name that the hypercall reads ({@link DomainArgs}: targets and
     * peers; a stored id is only a number until later). Teardown reaches every domain it ever
     * shared with.
     */
    private static long named(Hypervisor hv, Caller c, Hypercall h) {
        if (h instanceof Domctl.DestroyDomain) return hv.allSlots();
        if (h instanceof Multicall m) {
            long all = 0;
            for (Hypercall e : m.calls()) all |= named(hv, c, e);
            return all;
        }
        long m = 0;
        for (DomainArgs.Arg a : DomainArgs.of(h).args()) {
            if (a.role() != DomainArgs.Role.STORED) m |= bit(hv, DomId.resolve(a.id(), c));
        }
        return m;
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

    private static long bit(Hypervisor hv, int d) {
        return d >= 0 && d < hv.nslots ? 1L << d : 0;
    }
}
