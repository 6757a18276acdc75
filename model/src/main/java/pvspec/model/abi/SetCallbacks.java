package pvspec.model.abi;

/**
 * {@code HYPERVISOR_set_callbacks}: where event upcalls, failsafe bounces and 64-bit system calls
 * enter the guest kernel (0: none). The 64-bit hypercall takes the three addresses
 * ({@code do_set_callbacks(event, failsafe, syscall)}, pv/callback.c:170-192).
 */
public record SetCallbacks(long event, long failsafe, long syscall) implements Hypercall {
    /** With the syscall address 0 (which Xen registers too: 0 is canonical). */
    public SetCallbacks(long event, long failsafe) {
        this(event, failsafe, 0);
    }

    @Override
    public String kind() {
        return "set_callbacks";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.setCallbacks(this);
    }
}
