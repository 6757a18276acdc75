package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.UNKNOWN_HYPERCALL;

import pvspec.model.abi.Access;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.VmAssist;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.StackSwitch;
import pvspec.model.abi.UpdateVaMapping;

/** The hypercall table: each request to its family's handler. One per vCPU transaction, so dispatch allocates nothing. */
final class Dispatch implements Hypercall.Visitor<Result> {
    private final Txn t;

    Dispatch(Txn t) {
        this.t = t;
    }

    Result run(Hypercall h) {
        return h.accept(this);
    }

    @Override public Result mmuUpdate(MmuUpdate h) { return MmuUpdateOps.apply(t, h); }
    @Override public Result access(Access h) { return AccessOps.apply(t, h); }
    @Override public Result mmuextOp(MmuextOp h) { return MmuextOps.apply(t, h); }
    @Override public Result updateVaMapping(UpdateVaMapping h) { return UpdateVaMappingOps.apply(t, h); }
    @Override public Result eventChannelOp(EventChannelOp h) { return EvtchnOps.apply(t, h); }
    @Override public Result eventChannelWrite(EventChannelWrite h) { return EvtchnOps.write(t, h); }
    @Override public Result grantTableOp(GrantTableOp h) { return GrantOps.apply(t, h); }
    @Override public Result grantTableWrite(GrantTableWrite h) { return GrantOps.write(t, h); }
    @Override public Result setTrapTable(SetTrapTable h) { return TrapOps.setTrapTable(t, h); }
    @Override public Result setCallbacks(SetCallbacks h) { return TrapOps.setCallbacks(t, h); }
    @Override public Result callbackOp(CallbackOp h) { return TrapOps.callbackOp(t, h); }
    @Override public Result setGdt(SetGdt h) { return DescOps.setGdt(t, h); }
    @Override public Result updateDescriptor(UpdateDescriptor h) { return DescOps.updateDescriptor(t, h); }
    @Override public Result softInt(SoftInt h) { return TrapOps.softInt(t, h); }
    @Override public Result memoryOp(MemoryOp h) { return MemoryOps.apply(t, h); }
    @Override public Result domctl(Domctl h) { return DomctlOps.apply(t, h); }
    @Override public Result schedOp(SchedOp h) { return SchedOps.apply(t, h); }
    @Override public Result unknown(UnknownHypercall h) { throw Refused.of(UNKNOWN_HYPERCALL); }
    @Override public Result iret(Iret h) { return ModeOps.iret(t, h); }
    @Override public Result multicall(Multicall h) { return MulticallOps.apply(t, h); }
    @Override public Result vmAssist(VmAssist h) { return VmAssistOps.apply(t, h); }
    @Override public Result stackSwitch(StackSwitch h) { return SegOps.stackSwitch(t, h); }
    @Override public Result setSegmentBase(SetSegmentBase h) { return SegOps.setSegmentBase(t, h); }
}
