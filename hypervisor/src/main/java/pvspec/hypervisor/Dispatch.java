package pvspec.hypervisor;

import static pvspec.model.abi.Errno.ENOSYS;

import pvspec.model.abi.Access;
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

/** The hypercall table: each request to its family's handler. */
final class Dispatch {
    private Dispatch() {}

    static final Refused UNKNOWN_HYPERCALL = Refused.of(ENOSYS, "no such hypercall in ABI v1");

    static Result run(Txn t, Hypercall h) {
        if (h instanceof MmuUpdate) return MmuUpdateOps.apply(t, (MmuUpdate) h);
        if (h instanceof Access) return AccessOps.apply(t, (Access) h);
        if (h instanceof MmuextOp) return MmuextOps.apply(t, (MmuextOp) h);
        if (h instanceof UpdateVaMapping) return UpdateVaMappingOps.apply(t, (UpdateVaMapping) h);
        if (h instanceof EventChannelOp) return EvtchnOps.apply(t, (EventChannelOp) h);
        if (h instanceof EventChannelWrite) return EvtchnOps.write(t, (EventChannelWrite) h);
        if (h instanceof GrantTableOp) return GrantOps.apply(t, (GrantTableOp) h);
        if (h instanceof GrantTableWrite) return GrantOps.write(t, (GrantTableWrite) h);
        if (h instanceof SetTrapTable) return TrapOps.setTrapTable(t, (SetTrapTable) h);
        if (h instanceof SetCallbacks) return TrapOps.setCallbacks(t, (SetCallbacks) h);
        if (h instanceof SoftInt) return TrapOps.softInt(t, (SoftInt) h);
        if (h instanceof MemoryOp) return MemoryOps.apply(t, (MemoryOp) h);
        if (h instanceof Domctl) return DomctlOps.apply(t, (Domctl) h);
        if (h instanceof SchedOp) return SchedOps.apply(t, (SchedOp) h);
        throw UNKNOWN_HYPERCALL;
    }
}
