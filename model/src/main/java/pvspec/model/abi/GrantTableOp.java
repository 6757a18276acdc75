package pvspec.model.abi;

/** {@code HYPERVISOR_grant_table_op}: map and unmap frames that another domain granted. */
public sealed interface GrantTableOp extends Hypercall {

    /** Map flag: the request maps into the host's page tables. */
    int GNTMAP_device_map = 1;
    int GNTMAP_host_map = 2;
    int GNTMAP_readonly = 4;
    int GNTMAP_application_map = 8;
    int GNTMAP_contains_pte = 16;
    /** The five flags pvspec's requests carry. */
    int GNTMAP_KNOWN = 31;

    @Override
    default String kind() {
        return "grant_table_op " + name();
    }

    String name();

    /**
     * {@code GNTTABOP_map_grant_ref}: map grant {@code ref} of domain {@code dom} for the host
     * ({@code GNTMAP_host_map}: at the caller's virtual page {@code hostVa}, or with
     * {@code GNTMAP_contains_pte} in the L1 entry at machine address {@code hostVa}, the L1's
     * frame times 4096 plus the entry's byte offset) and/or for devices
     * ({@code GNTMAP_device_map}: a reference only); the result is a handle for the unmap.
     */
    record MapGrantRef(int dom, int ref, int flags, long hostVa) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.mapGrantRef(this); }
        @Override public String name() { return "map_grant_ref"; }
    }

    /**
     * {@code GNTTABOP_unmap_grant_ref}: undo the host part of mapping {@code handle} if
     * {@code hostVa} is not 0 (the address as the map took it: a virtual page, or with
     * {@code GNTMAP_contains_pte} the L1 entry's machine address) and its device part if
     * {@code devBusAddr} is not 0 (the frame's machine address, frame times 4096); either part
     * alone is a partial unmap.
     */
    record UnmapGrantRef(int handle, long hostVa, long devBusAddr) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unmapGrantRef(this); }
        @Override public String name() { return "unmap_grant_ref"; }
    }

    /**
     * {@code GNTTABOP_unmap_and_replace}: undo the host part of mapping {@code handle} at
     * {@code hostVa}, putting there the entry that maps {@code newVa} (which is cleared; 0: none).
     */
    record UnmapAndReplace(int handle, long hostVa, long newVa) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unmapAndReplace(this); }
        @Override public String name() { return "unmap_and_replace"; }
    }

    /**
     * {@code GNTTABOP_transfer}: give the caller's frame {@code mfn} away to domain {@code domid},
     * into its grant entry {@code ref}, which must accept a transfer from the caller.
     */
    record Transfer(long mfn, int domid, int ref) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.transfer(this); }
        @Override public String name() { return "transfer"; }
    }

    /**
     * {@code GNTTABOP_setup_table}: grow the grant table of {@code dom} ({@code DOMID_SELF}, or
     * another domain for a privileged caller) to at least {@code nrFrames} frames, and write the
     * numbers of its first {@code nrFrames} frames, 8 bytes each, to the caller's memory at
     * linear address {@code frameList} (the model's virtual page times 4096 plus a byte offset;
     * 0 is Xen's null handle, an address like any other).
     */
    record SetupTable(int dom, long nrFrames, long frameList) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.setupTable(this); }
        @Override public String name() { return "setup_table"; }
    }

    /** {@code GNTTABOP_query_size}: the current and the largest size, in frames, of {@code dom}'s grant table. */
    record QuerySize(int dom) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.querySize(this); }
        @Override public String name() { return "query_size"; }
    }

    /** Copy flag: the source is a grant reference of {@code sourceDom}, not a frame of the caller. */
    int GNTCOPY_source_gref = 1;
    /** Copy flag: the destination is a grant reference of {@code destDom}. */
    int GNTCOPY_dest_gref = 2;

    /**
     * {@code GNTTABOP_copy} (one {@code struct gnttab_copy}): copy {@code len} bytes from byte
     * {@code sourceOffset} of the source to byte {@code destOffset} of the destination. Each side
     * is a grant reference of its domain (with its {@code GNTCOPY_*_gref} flag) or a frame
     * ({@code gmfn}, for a PV guest its machine frame) of the caller, named with
     * {@code DOMID_SELF}. Offsets and length are {@code uint16_t}.
     */
    record Copy(int flags, long source, int sourceDom, int sourceOffset,
                long dest, int destDom, int destOffset, int len) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.copy(this); }
        @Override public String name() { return "copy"; }

        public boolean sourceGref() { return (flags & GNTCOPY_source_gref) != 0; }
        public boolean destGref() { return (flags & GNTCOPY_dest_gref) != 0; }
    }

    /**
     * {@code GNTTABOP_set_version}: switch the caller's grant table to {@code version} (1 or 2);
     * the result is the version the table has after the call.
     */
    record SetVersion(long version) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.setVersion(this); }
        @Override public String name() { return "set_version"; }
    }

    /** {@code GNTTABOP_get_version}: the version of {@code dom}'s grant table. */
    record GetVersion(int dom) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.getVersion(this); }
        @Override public String name() { return "get_version"; }
    }

    /**
     * {@code GNTTABOP_get_status_frames}: write the numbers of the first {@code nrFrames} status
     * frames of {@code dom}'s (v2) grant table, 8 bytes each, to the caller's memory at linear
     * address {@code frameList}, as {@link SetupTable} writes its frames'.
     */
    record GetStatusFrames(int dom, long nrFrames, long frameList) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.getStatusFrames(this); }
        @Override public String name() { return "get_status_frames"; }
    }

    /**
     * {@code GNTTABOP_swap_grant_ref} (one {@code struct gnttab_swap_grant_ref}): swap the contents
     * of entries {@code refA} and {@code refB} of the caller's own grant table
     * ({@code grant_ref_t}, unsigned). Refused while either entry is mapped ({@code GNTST_eagain}).
     */
    record SwapGrantRef(int refA, int refB) implements GrantTableOp {
        @Override public <R> R accept(Visitor<R> v) { return v.swapGrantRef(this); }
        @Override public String name() { return "swap_grant_ref"; }
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
        R unmapAndReplace(UnmapAndReplace h);
        R transfer(Transfer h);
        R unknown(Unknown h);
        R setupTable(SetupTable h);
        R querySize(QuerySize h);
        R copy(Copy h);
        R setVersion(SetVersion h);
        R getVersion(GetVersion h);
        R getStatusFrames(GetStatusFrames h);
        R swapGrantRef(SwapGrantRef h);
    }
}
