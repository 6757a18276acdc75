package pvspec.hypervisor;

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
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateVaMapping;

/**
 * The domain locks a hypercall starts with: the caller's and those its arguments name. Only a
 * first guess (taken in ascending id order without any state read): whatever else the hypercall
 * finds it needs, it takes on the way ({@link Txn#need}).
 */
final class LockPlan {
    private LockPlan() {}

    static long of(Hypervisor hv, Caller c, Hypercall h) {
        int me = c.domain();
        return lockable(hv, me, bit(hv, me) | h.accept(new Named(hv, me)));
    }

    /** The domains a request's arguments name, besides the caller: every kind says, none by default. */
    private static final class Named implements Hypercall.Visitor<Long> {
        private final Hypervisor hv;
        private final int me;

        Named(Hypervisor hv, int me) {
            this.hv = hv;
            this.me = me;
        }

        @Override public Long mmuUpdate(MmuUpdate h) { return bit(hv, h.foreigndom()); }
        @Override public Long mmuextOp(MmuextOp h) { return 0L; }
        @Override public Long updateVaMapping(UpdateVaMapping h) { return 0L; }
        @Override public Long setTrapTable(SetTrapTable h) { return 0L; }
        @Override public Long setCallbacks(SetCallbacks h) { return 0L; }
        @Override public Long eventChannelWrite(EventChannelWrite h) { return 0L; }
        @Override public Long grantTableWrite(GrantTableWrite h) { return 0L; }
        @Override public Long schedOp(SchedOp h) { return 0L; }
        @Override public Long access(Access h) { return 0L; }
        @Override public Long softInt(SoftInt h) { return 0L; }
        @Override public Long unknown(UnknownHypercall h) { return 0L; }

        @Override
        public Long grantTableOp(GrantTableOp h) {
            return h.accept(new GrantTableOp.Visitor<>() {
                @Override public Long mapGrantRef(GrantTableOp.MapGrantRef x) { return bit(hv, x.dom()); }
                @Override public Long unmapGrantRef(GrantTableOp.UnmapGrantRef x) { return 0L; }
                @Override public Long unknown(GrantTableOp.Unknown x) { return 0L; }
            });
        }

        @Override
        public Long eventChannelOp(EventChannelOp h) {
            return h.accept(new EventChannelOp.Visitor<>() {
                @Override public Long allocUnbound(EventChannelOp.AllocUnbound x) { return bit(hv, resolve(x.dom(), me)); }
                @Override public Long bindInterdomain(EventChannelOp.BindInterdomain x) { return bit(hv, resolve(x.remoteDom(), me)); }
                @Override public Long status(EventChannelOp.Status x) { return bit(hv, resolve(x.dom(), me)); }
                @Override public Long bindVirq(EventChannelOp.BindVirq x) { return 0L; }
                @Override public Long bindIpi(EventChannelOp.BindIpi x) { return 0L; }
                @Override public Long close(EventChannelOp.Close x) { return 0L; }
                @Override public Long send(EventChannelOp.Send x) { return 0L; }
                @Override public Long unmask(EventChannelOp.Unmask x) { return 0L; }
                @Override public Long bindVcpu(EventChannelOp.BindVcpu x) { return 0L; }
                @Override public Long reset(EventChannelOp.Reset x) { return bit(hv, resolve(x.dom(), me)); } // its peers are taken on the way
                @Override public Long unknown(EventChannelOp.Unknown x) { return 0L; }
            });
        }

        @Override
        public Long memoryOp(MemoryOp h) {
            return h.accept(new MemoryOp.Visitor<>() {
                @Override public Long populatePhysmap(MemoryOp.PopulatePhysmap x) { return bit(hv, resolve(x.dom(), me)); }
                @Override public Long decreaseReservation(MemoryOp.DecreaseReservation x) { return bit(hv, resolve(x.dom(), me)); }
                @Override public Long maximumReservation(MemoryOp.MaximumReservation x) { return bit(hv, resolve(x.dom(), me)); }
                @Override public Long currentReservation(MemoryOp.CurrentReservation x) { return bit(hv, resolve(x.dom(), me)); }
                @Override public Long unknown(MemoryOp.Unknown x) { return 0L; }
            });
        }

        @Override
        public Long domctl(Domctl h) {
            return h.accept(new Domctl.Visitor<>() {
                @Override public Long createDomain(Domctl.CreateDomain x) { return 0L; }
                @Override public Long destroyDomain(Domctl.DestroyDomain x) { return hv.allSlots(); } // teardown reaches every domain it ever shared with
                @Override public Long pauseDomain(Domctl.PauseDomain x) { return bit(hv, x.dom()); }
                @Override public Long unpauseDomain(Domctl.UnpauseDomain x) { return bit(hv, x.dom()); }
                @Override public Long maxMem(Domctl.MaxMem x) { return bit(hv, x.dom()); }
                @Override public Long unknown(Domctl.Unknown x) { return 0L; }
            });
        }
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
