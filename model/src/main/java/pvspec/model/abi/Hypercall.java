package pvspec.model.abi;

/**
 * A request a guest vCPU makes of the hypervisor: a hypercall with its arguments, or one of the
 * guest actions the model makes explicit (a memory access, a software interrupt, a write to the
 * grant table or event bits it shares with Xen).
 *
 * <p>Arguments are raw numbers, as in Xen's ABI: any value is representable, and the model
 * decides what each one means or which error it earns.
 */
public sealed interface Hypercall
        permits MmuUpdate, MmuextOp, UpdateVaMapping, SetTrapTable, SetCallbacks, CallbackOp, SetGdt, UpdateDescriptor, EventChannelOp,
                EventChannelWrite, GrantTableOp, GrantTableWrite, MemoryOp, Domctl, SchedOp, Access,
                SoftInt, UnknownHypercall, Iret, Multicall, VmAssist, StackSwitch, SetSegmentBase {

    /** Dispatch on the kind of request; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /**
     * One method per kind of request. A family with sub-commands ({@link MmuextOp}'s commands,
     * {@link EventChannelOp}, ...) has a visitor of its own for them. Adding a kind fails
     * compilation wherever it is not handled: there is no default.
     */
    interface Visitor<R> {
        R mmuUpdate(MmuUpdate h);
        R mmuextOp(MmuextOp h);
        R updateVaMapping(UpdateVaMapping h);
        R setTrapTable(SetTrapTable h);
        R setCallbacks(SetCallbacks h);
        R callbackOp(CallbackOp h);
        R setGdt(SetGdt h);
        R updateDescriptor(UpdateDescriptor h);
        R eventChannelOp(EventChannelOp h);
        R eventChannelWrite(EventChannelWrite h);
        R grantTableOp(GrantTableOp h);
        R grantTableWrite(GrantTableWrite h);
        R memoryOp(MemoryOp h);
        R domctl(Domctl h);
        R schedOp(SchedOp h);
        R access(Access h);
        R softInt(SoftInt h);
        R unknown(UnknownHypercall h);
        R iret(Iret h);
        R multicall(Multicall h);
        R vmAssist(VmAssist h);
        R stackSwitch(StackSwitch h);
        R setSegmentBase(SetSegmentBase h);
    }

    /** The kind of request, as the trace names it ({@code "mmu_update"}, {@code "event_channel_op send"}). */
    String kind();

    /** The kind, naming each sub-command of a batch of them ({@code mmuext_op pin_l1_table;new_baseptr}). */
    default String kindOfEach() {
        return kind();
    }

    /**
     * Whether user mode may make this request. Only guest memory accesses and software
     * interrupts run in user mode; every hypercall is refused there with {@code EPERM}.
     */
    default boolean allowedInUserMode() {
        return false;
    }

    /**
     * Whether this is a batch ({@code mmu_update}, {@code mmuext_op}): a refusal reports how
     * many of its requests were done before it, "0 done" when the whole call was refused.
     */
    default boolean isBatch() {
        return false;
    }
}
