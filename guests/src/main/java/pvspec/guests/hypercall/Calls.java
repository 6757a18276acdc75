package pvspec.guests.hypercall;

import java.util.List;
import pvspec.model.abi.Access;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.VmAssist;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.StackSwitch;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.UpdateVaMapping;

/**
 * Short constructors for the requests guests make, named after the Linux/Xen wrappers
 * ({@code HYPERVISOR_mmu_update}, {@code EVTCHNOP_send}, ...). Domain arguments that mean "the
 * caller" are {@link DomId#DOMID_SELF}, as a guest passes them.
 */
public final class Calls {
    private Calls() {}

    public static final int SELF = DomId.DOMID_SELF;

    // Memory management.

    public static MmuUpdate mmuUpdate(long table, int index, long pte) {
        return MmuUpdate.one(table, index, pte);
    }

    public static MmuUpdate mmuUpdate(List<MmuUpdate.Request> requests) {
        return new MmuUpdate(requests, DomId.DOMID_SELF);
    }

    public static MmuUpdate mmuUpdateForeign(long table, int index, long pte, int foreigndom) {
        return new MmuUpdate(List.of(new MmuUpdate.Request(table, index, pte)), foreigndom);
    }

    public static MmuextOp pin(int level, long mfn) {
        return MmuextOp.of(new MmuextOp.Pin(level, mfn));
    }

    public static MmuextOp unpin(long mfn) {
        return MmuextOp.of(new MmuextOp.Unpin(mfn));
    }

    public static MmuextOp newBaseptr(long mfn) {
        return MmuextOp.of(new MmuextOp.NewBaseptr(mfn));
    }

    /** {@code MMUEXT_NEW_USER_BASEPTR}: the top-level table the vCPU's user mode runs on (0: none). */
    public static MmuextOp newUserBaseptr(long mfn) {
        return MmuextOp.of(new MmuextOp.NewUserBaseptr(mfn));
    }

    /** A 64-bit PV user code selector ({@code FLAT_USER_CS64}, RPL 3): {@code iret} to it returns to user mode. */
    public static final long USER_CS = 0xe033;

    /** {@code HYPERVISOR_iret} to a frame with code selector {@code cs}. */
    public static Iret iret(long cs) {
        return new Iret(cs);
    }

    /** {@code HYPERVISOR_multicall} of {@code calls}. */
    public static Multicall multicall(Hypercall... calls) {
        return Multicall.of(calls);
    }

    public static MmuextOp copyPage(long mfn, long srcMfn) {
        return MmuextOp.of(new MmuextOp.CopyPage(mfn, srcMfn));
    }

    public static MmuextOp tlbFlushLocal() {
        return MmuextOp.of(new MmuextOp.TlbFlushLocal());
    }

    public static UpdateVaMapping updateVaMapping(long va, long pte, long flags) {
        return new UpdateVaMapping(va, pte, flags);
    }

    public static MemoryOp.PopulatePhysmap populatePhysmap(int dom, long count) {
        return new MemoryOp.PopulatePhysmap(dom, count);
    }

    public static MemoryOp.DecreaseReservation decreaseReservation(int dom, List<Long> mfns) {
        return new MemoryOp.DecreaseReservation(dom, mfns);
    }

    public static MemoryOp.MaximumReservation maximumReservation(int dom) {
        return new MemoryOp.MaximumReservation(dom);
    }

    public static MemoryOp.CurrentReservation currentReservation(int dom) {
        return new MemoryOp.CurrentReservation(dom);
    }

    // Traps and callbacks.

    public static SetTrapTable setTrapTable(List<TrapInfo> traps) {
        return new SetTrapTable(traps);
    }

    public static SetCallbacks setCallbacks(long event, long failsafe) {
        return new SetCallbacks(event, failsafe);
    }

    public static CallbackOp.Register registerCallback(int type, int flags, long address) {
        return new CallbackOp.Register(type, flags, address);
    }

    public static CallbackOp.Unregister unregisterCallback(int type) {
        return new CallbackOp.Unregister(type);
    }

    public static SetGdt setGdt(List<Long> frames, long entries) {
        return new SetGdt(frames, entries);
    }

    public static UpdateDescriptor updateDescriptor(long mfn, long offset, long desc) {
        return new UpdateDescriptor(mfn, offset, desc);
    }

    public static MmuextOp clearPage(long mfn) {
        return new MmuextOp(List.of(new MmuextOp.ClearPage(mfn)));
    }

    public static MmuextOp setLdt(long va, long ents) {
        return new MmuextOp(List.of(new MmuextOp.SetLdt(va, ents)));
    }

    public static SoftInt softInt(int vector) {
        return new SoftInt(vector);
    }

    // Event channels.

    public static EventChannelOp.AllocUnbound allocUnbound(int remoteDom) {
        return new EventChannelOp.AllocUnbound(DomId.DOMID_SELF, remoteDom);
    }

    public static EventChannelOp.BindInterdomain bindInterdomain(int remoteDom, int remotePort) {
        return new EventChannelOp.BindInterdomain(remoteDom, remotePort);
    }

    public static EventChannelOp.BindVirq bindVirq(int virq, int vcpu) {
        return new EventChannelOp.BindVirq(virq, vcpu);
    }

    public static EventChannelOp.BindIpi bindIpi(int vcpu) {
        return new EventChannelOp.BindIpi(vcpu);
    }

    public static EventChannelOp.Send send(int port) {
        return new EventChannelOp.Send(port);
    }

    public static EventChannelOp.Close close(int port) {
        return new EventChannelOp.Close(port);
    }

    public static EventChannelOp.Unmask unmask(int port) {
        return new EventChannelOp.Unmask(port);
    }

    public static EventChannelOp.Status status(int dom, int port) {
        return new EventChannelOp.Status(dom, port);
    }

    public static EventChannelOp.BindVcpu bindVcpu(int port, int vcpu) {
        return new EventChannelOp.BindVcpu(port, vcpu);
    }

    /** {@code EVTCHNOP_reset} of {@code dom}'s event channels. */
    public static EventChannelOp.Reset reset(int dom) {
        return new EventChannelOp.Reset(dom, false);
    }

    public static EventChannelWrite.ClearEvtchn clearEvtchn(int port) {
        return new EventChannelWrite.ClearEvtchn(port);
    }

    public static EventChannelWrite.MaskEvtchn maskEvtchn(int port) {
        return new EventChannelWrite.MaskEvtchn(port);
    }

    // Grant tables.

    public static GrantTableWrite.Grant grantAccess(int ref, int domid, long frame, boolean readonly) {
        return new GrantTableWrite.Grant(ref, domid, frame, readonly);
    }

    public static GrantTableWrite.EndAccess endAccess(int ref) {
        return new GrantTableWrite.EndAccess(ref);
    }

    public static GrantTableOp.MapGrantRef mapGrantRef(int dom, int ref, boolean readonly, long hostVa) {
        int flags = GrantTableOp.GNTMAP_host_map | (readonly ? GrantTableOp.GNTMAP_readonly : 0);
        return new GrantTableOp.MapGrantRef(dom, ref, flags, hostVa);
    }

    /** The receiver's entry {@code ref} accepts a frame that {@code domid} transfers. */
    public static GrantTableWrite.AcceptTransfer acceptTransfer(int ref, int domid) {
        return new GrantTableWrite.AcceptTransfer(ref, domid);
    }

    /** Give frame {@code mfn} away to domain {@code domid}, into its entry {@code ref}. */
    public static GrantTableOp.Transfer transfer(long mfn, int domid, int ref) {
        return new GrantTableOp.Transfer(mfn, domid, ref);
    }

    /** Unmap the host part of mapping {@code handle}, at the address it was mapped at. */
    public static GrantTableOp.UnmapGrantRef unmapGrantRef(int handle, long hostVa) {
        return new GrantTableOp.UnmapGrantRef(handle, hostVa, 0);
    }

    /** Swap entries {@code refA} and {@code refB} of the caller's own grant table. */
    public static GrantTableOp.SwapGrantRef swapGrantRef(int refA, int refB) {
        return new GrantTableOp.SwapGrantRef(refA, refB);
    }

    // Domains and scheduling.

    public static Domctl.CreateDomain createDomain(long maxPages, int vcpus) {
        return new Domctl.CreateDomain(maxPages, vcpus);
    }

    public static Domctl.UnpauseDomain unpauseDomain(int dom) {
        return new Domctl.UnpauseDomain(dom);
    }

    public static Domctl.DestroyDomain destroyDomain(int dom) {
        return new Domctl.DestroyDomain(dom);
    }

    /** {@code destroydomain} with the {@code preempt}-th preemption check firing ({@code @preempt=N}). */
    public static Domctl.DestroyDomain destroyDomain(int dom, int preempt) {
        return new Domctl.DestroyDomain(dom, preempt);
    }

    public static SchedOp.Yield yield() {
        return new SchedOp.Yield();
    }

    public static SchedOp.Shutdown shutdown() {
        return new SchedOp.Shutdown();
    }

    // Memory accesses (not hypercalls).

    public static Access read(long va) {
        return Access.read(va);
    }

    public static Access write(long va) {
        return Access.write(va);
    }

    /** A kernel's 8-byte store of {@code value} at byte {@code offset} of the page at {@code va} (emulated by Xen if it is the kernel's L1). */
    public static Access write(long va, long offset, long value) {
        return Access.write(va, offset, value);
    }

    /** {@code HYPERVISOR_stack_switch(ss, sp)}: the stack the kernel is entered on from user mode. */
    public static StackSwitch stackSwitch(long ss, long sp) {
        return new StackSwitch(ss, sp);
    }

    /** {@code HYPERVISOR_set_segment_base(which, base)}, {@code which} one of {@code SetSegmentBase}'s {@code SEGBASE_*}. */
    public static SetSegmentBase setSegmentBase(int which, long base) {
        return new SetSegmentBase(which, base);
    }

    /** {@code HYPERVISOR_vm_assist(VMASST_CMD_enable, type)}. */
    public static VmAssist enableAssist(int type) {
        return new VmAssist(VmAssist.CMD_ENABLE, type);
    }
}
