package pvspec.model.abi;

/**
 * {@code HYPERVISOR_stack_switch(ss, esp)} ({@code pv/misc-hypercalls.c:do_stack_switch}): the
 * stack the calling vCPU's kernel is entered on from user mode ({@code kernel_ss:kernel_sp}).
 * Both are C {@code unsigned long}s; Xen raises the selector's RPL to the guest kernel's and
 * never refuses.
 */
public record StackSwitch(long ss, long sp) implements Hypercall {
    @Override
    public String kind() {
        return "stack_switch";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.stackSwitch(this);
    }
}
