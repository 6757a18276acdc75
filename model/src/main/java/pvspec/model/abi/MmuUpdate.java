package pvspec.model.abi;

import java.util.List;

/**
 * {@code HYPERVISOR_mmu_update}: write page-table entries. Requests are processed in order and
 * processing stops at the first refused one.
 *
 * @param requests the entries to write
 * @param foreigndom whose frames the written L1 entries may map: {@link DomId#DOMID_SELF}, or
 *     (privileged callers only) another domain
 */
public record MmuUpdate(List<Request> requests, int foreigndom) implements Hypercall {
    public MmuUpdate {
        requests = List.copyOf(requests);
    }

    public static MmuUpdate of(Request... requests) {
        return new MmuUpdate(List.of(requests), DomId.DOMID_SELF);
    }

    public static MmuUpdate one(long mfn, long index, long val) {
        return of(new Request(mfn, index, val));
    }

    /**
     * One {@code MMU_NORMAL_PT_UPDATE}: set entry {@code index} of frame {@code mfn} to {@code val}.
     * (Xen passes the entry's machine address; pvspec names the frame and the slot.)
     */
    public record Request(long mfn, long index, long val) {}

    /** A batch: refused entries report how many before them were done. */
    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public String kind() {
        return "mmu_update";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.mmuUpdate(this);
    }
}
