package pvspec.model.abi;

/**
 * A guest memory access (not a hypercall): the vCPU reads or writes virtual address {@code va}.
 * The MMU uses the TLB or walks the page tables, fills the TLB, and raises a page fault
 * (vector 14) when the access is not permitted.
 *
 * <p>A write stores the 8-byte word {@code value} at byte {@code offset} of the page (both 0
 * unless given). Only a write Xen emulates reads them: a kernel's write to one of its own L1
 * tables through a read-only mapping ({@code pv/ro-page-fault.c}, writable page tables), where
 * {@code value} is the new entry and {@code offset / 8} its slot. A read has neither.
 */
public record Access(boolean write, long va, long offset, long value) implements Hypercall {

    public Access(boolean write, long va) {
        this(write, va, 0, 0);
    }

    public static Access read(long va) {
        return new Access(false, va);
    }

    public static Access write(long va) {
        return new Access(true, va);
    }

    /** A write of {@code value} at byte {@code offset} of the page {@code va} maps. */
    public static Access write(long va, long offset, long value) {
        return new Access(true, va, offset, value);
    }

    @Override
    public String kind() {
        return write ? "access write" : "access read";
    }

    @Override
    public boolean allowedInUserMode() {
        return true;
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.access(this);
    }
}
