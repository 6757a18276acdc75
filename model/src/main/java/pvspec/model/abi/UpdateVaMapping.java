package pvspec.model.abi;

import java.util.OptionalInt;

/**
 * {@code HYPERVISOR_update_va_mapping}: write the L1 entry that maps {@code va} in the caller's
 * current address space, then flush as {@code flags} asks, only if the write succeeded; or
 * {@code HYPERVISOR_update_va_mapping_otherdomain}, the same with the entry mapping a frame of
 * the page owner {@code otherdomain} (Xen's two hypercalls share {@code __do_update_va_mapping}).
 *
 * @param flags Xen's {@code UVMF_*} encoding: {@link #UVMF_NONE}, {@link #UVMF_TLB_FLUSH} or
 *     {@link #UVMF_INVLPG}, or'ed with {@link #UVMF_LOCAL} or {@link #UVMF_ALL}
 * @param otherdomain empty for {@code update_va_mapping}; the {@code domid} argument of
 *     {@code update_va_mapping_otherdomain} ({@link DomId#DOMID_SELF} included)
 */
public record UpdateVaMapping(long va, long val, long flags, OptionalInt otherdomain) implements Hypercall {
    public UpdateVaMapping {
        if (otherdomain == null) otherdomain = OptionalInt.empty(); // a record built reflectively: the plain hypercall
    }

    public UpdateVaMapping(long va, long val, long flags) {
        this(va, val, flags, OptionalInt.empty());
    }

    /** {@code update_va_mapping_otherdomain(va, val, flags, domid)}. */
    public static UpdateVaMapping otherdomain(long va, long val, long flags, int domid) {
        return new UpdateVaMapping(va, val, flags, OptionalInt.of(domid));
    }

    /** The same request with another value (and frame). */
    public UpdateVaMapping withVal(long v) {
        return new UpdateVaMapping(va, v, flags, otherdomain);
    }

    public static final long UVMF_NONE = 0;
    public static final long UVMF_TLB_FLUSH = 1;
    public static final long UVMF_INVLPG = 2;
    public static final long UVMF_FLUSHTYPE_MASK = 3;
    public static final long UVMF_LOCAL = 0;
    public static final long UVMF_ALL = 4;

    @Override
    public String kind() {
        return otherdomain.isPresent() ? "update_va_mapping_otherdomain" : "update_va_mapping";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.updateVaMapping(this);
    }
}
