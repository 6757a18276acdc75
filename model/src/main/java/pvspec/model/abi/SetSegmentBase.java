package pvspec.model.abi;

/**
 * {@code HYPERVISOR_set_segment_base(which, base)} ({@code pv/misc-hypercalls.c:do_set_segment_base},
 * x86-64 only): the calling vCPU's %fs base, its kernel or user %gs base, or its user %gs selector
 * ({@code base[15:0]}). {@code which} is a C {@code unsigned int}: Xen sees its low 32 bits.
 */
public record SetSegmentBase(long which, long base) implements Hypercall {
    /** {@code SEGBASE_*} (public/arch-x86/xen-x86_64.h:78-81). */
    public static final int FS = 0;
    public static final int GS_USER = 1;
    public static final int GS_KERNEL = 2;
    public static final int GS_USER_SEL = 3;

    @Override
    public String kind() {
        return "set_segment_base";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.setSegmentBase(this);
    }
}
