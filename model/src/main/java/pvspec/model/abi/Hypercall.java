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
        permits MmuUpdate, MmuextOp, UpdateVaMapping, SetTrapTable, SetCallbacks, EventChannelOp,
                EventChannelWrite, GrantTableOp, GrantTableWrite, MemoryOp, Domctl, SchedOp, Access,
                SoftInt, UnknownHypercall {

    /** The kind of request, as the trace names it ({@code "mmu_update"}, {@code "event_channel_op send"}). */
    String kind();

    /**
     * Whether user mode may make this request. Only guest memory accesses and software
     * interrupts run in user mode; every hypercall is refused there with {@code EPERM}.
     */
    default boolean allowedInUserMode() {
        return false;
    }
}
