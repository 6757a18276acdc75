package pvspec.model.state;

import pvspec.model.abi.GrantTableOp;

/**
 * A grant mapping a domain holds (Xen's {@code struct grant_mapping}), named by its handle.
 * Like Xen's, it records no address: an unmap names the host address again, and Xen checks the
 * entry found there (XSA-234).
 *
 * @param dom the granting domain
 * @param ref the grant reference in the granter's table
 * @param frame the granted frame (Xen keeps it in the granter's active entry)
 * @param flags the map's {@code GNTMAP_*} flags, less the parts already unmapped
 *     ({@code GNTMAP_host_map}, {@code GNTMAP_device_map}): it is freed when neither is left
 */
public record Maptrack(int dom, int ref, long frame, int flags) {

    public boolean readonly() {
        return (flags & GrantTableOp.GNTMAP_readonly) != 0;
    }

    /** Whether its host part (a grant PTE) is still mapped. */
    public boolean host() {
        return (flags & GrantTableOp.GNTMAP_host_map) != 0;
    }

    /** Whether its device part (a reference for DMA) is still mapped. */
    public boolean device() {
        return (flags & GrantTableOp.GNTMAP_device_map) != 0;
    }

    /** Whether its host address names an L1 entry by machine address. */
    public boolean containsPte() {
        return (flags & GrantTableOp.GNTMAP_contains_pte) != 0;
    }

    public Maptrack withFlags(int f) {
        return new Maptrack(dom, ref, frame, f);
    }
}
