package pvspec.model.state;

/**
 * A vCPU's stack and segment state that the guest sets by hypercall ({@code struct pv_vcpu}:
 * {@code kernel_ss}, {@code kernel_sp}, {@code fs_base}, {@code gs_base_kernel},
 * {@code gs_base_user}, and the user %gs selector). What isolation needs of it: no selector with
 * a ring-0 RPL ({@code fixup_guest_stack_selector}, the RPL fix-up of {@code SEGBASE_GS_USER_SEL})
 * and no non-canonical base (a {@code wrmsr} of one faults in Xen).
 *
 * @param kernelSs the selector of the stack the kernel is entered on; {@link #FLAT_KERNEL_SS}
 *     at creation (what the domain builder sets, public/arch-x86/xen-x86_64.h:43)
 * @param kernelSp that stack's pointer (a virtual page in the model)
 * @param fsBase the %fs base
 * @param gsBaseKernel the kernel's %gs base
 * @param gsBaseUser the user's %gs base
 * @param gsUserSel the user %gs selector, 0 (NUL) until {@code SEGBASE_GS_USER_SEL}
 */
public record Segments(long kernelSs, long kernelSp, long fsBase, long gsBaseKernel, long gsBaseUser, long gsUserSel) {
    /** {@code FLAT_KERNEL_SS} = {@code FLAT_RING3_SS64} (public/arch-x86/xen-x86_64.h:34,43). */
    public static final long FLAT_KERNEL_SS = 0xe02b;

    public static final Segments NONE = new Segments(FLAT_KERNEL_SS, 0, 0, 0, 0, 0);

    public Segments withKernelStack(long ss, long sp) {
        return new Segments(ss, sp, fsBase, gsBaseKernel, gsBaseUser, gsUserSel);
    }

    public Segments withFsBase(long b) {
        return new Segments(kernelSs, kernelSp, b, gsBaseKernel, gsBaseUser, gsUserSel);
    }

    public Segments withGsBaseKernel(long b) {
        return new Segments(kernelSs, kernelSp, fsBase, b, gsBaseUser, gsUserSel);
    }

    public Segments withGsBaseUser(long b) {
        return new Segments(kernelSs, kernelSp, fsBase, gsBaseKernel, b, gsUserSel);
    }

    public Segments withGsUser(long sel, long base) {
        return new Segments(kernelSs, kernelSp, fsBase, gsBaseKernel, base, sel);
    }
}
