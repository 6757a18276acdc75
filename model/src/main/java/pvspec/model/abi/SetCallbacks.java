package pvspec.model.abi;

/** {@code HYPERVISOR_set_callbacks}: where event upcalls and failsafe bounces enter the guest kernel (0: none). */
public record SetCallbacks(long event, long failsafe) implements Hypercall {
    @Override
    public String kind() {
        return "set_callbacks";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.setCallbacks(this);
    }
}
