package pvspec.checker.reduction;

import pvspec.model.abi.Access;
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
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.VmAssist;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.StackSwitch;
import pvspec.model.abi.UpdateVaMapping;

/**
 * Whether a kind of request can hand a domain's frames or its domain id back to the free pool,
 * from which they are handed out again lowest first: the symmetry of domUs is unsound then.
 * Every kind says, so a new kind cannot slip through the symmetry analysis unasked.
 */
final class FreesResources implements Hypercall.Visitor<Boolean> {
    static boolean of(Hypercall h) {
        return h.accept(new FreesResources());
    }

    @Override
    public Boolean memoryOp(MemoryOp h) {
        return h.accept(new MemoryOp.Visitor<>() {
            @Override public Boolean populatePhysmap(MemoryOp.PopulatePhysmap x) { return false; }
            @Override public Boolean decreaseReservation(MemoryOp.DecreaseReservation x) { return true; }
            @Override public Boolean maximumReservation(MemoryOp.MaximumReservation x) { return false; }
            @Override public Boolean currentReservation(MemoryOp.CurrentReservation x) { return false; }
            @Override public Boolean exchange(MemoryOp.Exchange x) { return true; } // the input frames go back to the heap
            @Override public Boolean unknown(MemoryOp.Unknown x) { return false; }
        });
    }

    @Override
    public Boolean domctl(Domctl h) {
        return h.accept(new Domctl.Visitor<>() {
            @Override public Boolean createDomain(Domctl.CreateDomain x) { return false; }
            @Override public Boolean destroyDomain(Domctl.DestroyDomain x) { return true; }
            @Override public Boolean pauseDomain(Domctl.PauseDomain x) { return false; }
            @Override public Boolean unpauseDomain(Domctl.UnpauseDomain x) { return false; }
            @Override public Boolean maxMem(Domctl.MaxMem x) { return false; }
            @Override public Boolean unknown(Domctl.Unknown x) { return false; }
        });
    }

    // These drop references, but a frame a domain holds keeps its allocation reference until
    // decrease_reservation or destruction gives it up (a frame freed without them is checked on
    // the initial state separately).
    @Override public Boolean mmuUpdate(MmuUpdate h) { return false; }
    @Override public Boolean mmuextOp(MmuextOp h) { return false; }
    @Override public Boolean updateVaMapping(UpdateVaMapping h) { return false; }
    @Override
    public Boolean grantTableOp(GrantTableOp h) {
        return h.accept(new GrantTableOp.Visitor<>() {
            @Override public Boolean mapGrantRef(GrantTableOp.MapGrantRef x) { return false; }
            @Override public Boolean unmapGrantRef(GrantTableOp.UnmapGrantRef x) { return false; }
            @Override public Boolean unmapAndReplace(GrantTableOp.UnmapAndReplace x) { return false; }
            /** steal_page takes the frame's allocation; a failed transfer frees it (grant_table.c:2370-2377). */
            @Override public Boolean transfer(GrantTableOp.Transfer x) { return true; }
            @Override public Boolean setupTable(GrantTableOp.SetupTable x) { return false; }
            @Override public Boolean querySize(GrantTableOp.QuerySize x) { return false; }
            /** The copy's references are taken and dropped within the step: the counts end as they began. */
            @Override public Boolean copy(GrantTableOp.Copy x) { return false; }
            @Override public Boolean unknown(GrantTableOp.Unknown x) { return false; }
            @Override public Boolean setVersion(GrantTableOp.SetVersion x) { return false; }
            @Override public Boolean getVersion(GrantTableOp.GetVersion x) { return false; }
            @Override public Boolean getStatusFrames(GrantTableOp.GetStatusFrames x) { return false; }
            /** Two entries of the caller's table change places; no frame is referenced. */
            @Override public Boolean swapGrantRef(GrantTableOp.SwapGrantRef x) { return false; }
        });
    }
    @Override public Boolean grantTableWrite(GrantTableWrite h) { return false; }
    @Override public Boolean setTrapTable(SetTrapTable h) { return false; }
    @Override public Boolean setCallbacks(SetCallbacks h) { return false; }
    @Override public Boolean callbackOp(CallbackOp h) { return false; }
    /** The old GDT's frames drop their references (pv_destroy_gdt): one may be freed. */
    @Override public Boolean setGdt(SetGdt h) { return true; }
    @Override public Boolean updateDescriptor(UpdateDescriptor h) { return false; }
    @Override public Boolean eventChannelOp(EventChannelOp h) { return false; }
    @Override public Boolean eventChannelWrite(EventChannelWrite h) { return false; }
    @Override public Boolean schedOp(SchedOp h) { return false; }
    @Override public Boolean access(Access h) { return false; }
    @Override public Boolean softInt(SoftInt h) { return false; }
    @Override public Boolean unknown(UnknownHypercall h) { return false; }
    // A crashing iret shuts the domain down; frames and ids go free only when it is destroyed.
    @Override public Boolean iret(Iret h) { return false; }

    @Override
    public Boolean multicall(Multicall h) {
        for (Hypercall e : h.calls()) if (e.accept(this)) return true;
        return false;
    }

    @Override public Boolean vmAssist(VmAssist h) { return false; }
    @Override public Boolean stackSwitch(StackSwitch h) { return false; }
    @Override public Boolean setSegmentBase(SetSegmentBase h) { return false; }
}
