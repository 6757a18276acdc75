package pvspec.model.abi;

/**
 * A guest memory access (not a hypercall): the vCPU reads or writes virtual address {@code va}.
 * The MMU uses the TLB or walks the page tables, fills the TLB, and raises a page fault
 * (vector 14) when the access is not permitted.
 */
public record Access(boolean write, long va) implements Hypercall {

    public static Access read(long va) {
        return new Access(false, va);
    }

    public static Access write(long va) {
        return new Access(true, va);
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
