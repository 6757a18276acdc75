package pvspec.model.abi;

/**
 * {@code HYPERVISOR_update_va_mapping}: write the L1 entry that maps {@code va} in the caller's
 * current address space, then flush as {@code flags} asks, only if the write succeeded.
 *
 * @param flags Xen's {@code UVMF_*} encoding: {@link #UVMF_NONE}, {@link #UVMF_TLB_FLUSH} or
 *     {@link #UVMF_INVLPG}, or'ed with {@link #UVMF_LOCAL} or {@link #UVMF_ALL}
 */
public record UpdateVaMapping(long va, long val, long flags) implements Hypercall {
    public static final long UVMF_NONE = 0;
    public static final long UVMF_TLB_FLUSH = 1;
    public static final long UVMF_INVLPG = 2;
    public static final long UVMF_FLUSHTYPE_MASK = 3;
    public static final long UVMF_LOCAL = 0;
    public static final long UVMF_ALL = 4;

    @Override
    public String kind() {
        return "update_va_mapping";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.updateVaMapping(this);
    }
}
