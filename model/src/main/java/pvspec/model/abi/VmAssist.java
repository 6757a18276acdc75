package pvspec.model.abi;

/**
 * {@code HYPERVISOR_vm_assist(cmd, type)} ({@code common/domain.c:do_vm_assist}): turn one of the
 * caller's assists ({@code VMASST_TYPE_*}, a bit number) on ({@code VMASST_CMD_enable}, 0) or off
 * ({@code VMASST_CMD_disable}, 1). Both arguments are C {@code unsigned int}s: the low 32 bits of
 * the values given are what Xen sees.
 */
public record VmAssist(long cmd, long type) implements Hypercall {
    public static final int CMD_ENABLE = 0;
    public static final int CMD_DISABLE = 1;

    @Override
    public String kind() {
        return "vm_assist";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.vmAssist(this);
    }
}
