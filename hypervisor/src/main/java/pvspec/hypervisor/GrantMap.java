package pvspec.hypervisor;

/** A grant mapping a domain holds (Xen's maptrack entry: no address); immutable. */
final class GrantMap {
    final int dom;
    final int ref;
    final long frame;
    /** The map's GNTMAP flags, less the parts already unmapped. */
    final int flags;

    GrantMap(int dom, int ref, long frame, int flags) {
        this.dom = dom;
        this.ref = ref;
        this.frame = frame;
        this.flags = flags;
    }

    boolean readonly() {
        return (flags & pvspec.model.abi.GrantTableOp.GNTMAP_readonly) != 0;
    }
}
