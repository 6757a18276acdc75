package pvspec.model.abi;

/** {@code HYPERVISOR_grant_table_op}: map and unmap frames that another domain granted. */
public sealed interface GrantTableOp extends Hypercall {

    /** Map flag: the request maps into the host's page tables. */
    int GNTMAP_device_map = 1;
    int GNTMAP_host_map = 2;
    int GNTMAP_readonly = 4;
    int GNTMAP_application_map = 8;
    int GNTMAP_contains_pte = 16;

    @Override
    default String kind() {
        return "grant_table_op " + name();
    }

    String name();

    /**
     * {@code GNTTABOP_map_grant_ref}: map grant {@code ref} of domain {@code dom} at the caller's
     * virtual address {@code hostVa}; the result is a handle for the unmap.
     */
    record MapGrantRef(int dom, int ref, int flags, long hostVa) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.mapGrantRef(this); }
        @Override public String name() { return "map_grant_ref"; }
    }

    /** {@code GNTTABOP_unmap_grant_ref}. */
    record UnmapGrantRef(int handle) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unmapGrantRef(this); }
        @Override public String name() { return "unmap_grant_ref"; }
    }

    /** A sub-command number outside pvspec's ABI. */
    record Unknown(int cmd) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unknown(this); }
        @Override public String name() { return "cmd"; }
    }

    @Override
    default <R> R accept(Hypercall.Visitor<R> v) {
        return v.grantTableOp(this);
    }

    /** Dispatch on the kind of GrantTableOp; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of GrantTableOp: adding a kind fails compilation wherever one is not handled. */
    interface Visitor<R> {
        R mapGrantRef(MapGrantRef h);
        R unmapGrantRef(UnmapGrantRef h);
        R unknown(Unknown h);
    }
}
