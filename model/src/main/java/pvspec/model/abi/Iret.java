package pvspec.model.abi;

/**
 * {@code HYPERVISOR_iret} ({@code pv/iret.c:do_iret}): the guest kernel returns from an exception
 * or a system call through Xen, which pops the frame the kernel left on its stack. Only the
 * frame's code selector matters to isolation: a ring-3 selector ({@code cs & 3 == 3}) returns to
 * user mode, onto the user page tables. The other fields (rip, rflags, rsp, ss, the saved rax
 * that becomes the call's return value) are register contents pvspec does not model.
 */
public record Iret(long cs) implements Hypercall {
    @Override
    public String kind() {
        return "iret";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.iret(this);
    }

    /** Whether the frame returns to guest user mode. */
    public boolean toUser() {
        return (cs & 3) == 3;
    }
}
