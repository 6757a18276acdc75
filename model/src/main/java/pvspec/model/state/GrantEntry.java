package pvspec.model.state;

/**
 * One entry of a domain's grant table ({@code grant_entry_v1}): the granter writes {@code domid}
 * and {@code frame} and the type and readonly flags; Xen sets {@link #GTF_reading} and
 * {@link #GTF_writing} while the grantee maps it. An entry of type {@link #GTF_accept_transfer}
 * offers to receive a frame from domain {@code domid} ({@code GNTTABOP_transfer}); Xen then sets
 * {@link #GTF_transfer_committed}, {@link #GTF_transfer_completed} and the frame. The transfer
 * sub-flags share bits 2 and 3 with {@code GTF_readonly} and {@code GTF_reading}
 * ({@code public/grant_table.h:150-153}): they mean what the entry's type says.
 */
public record GrantEntry(int flags, int domid, long frame) {

    public static final int GTF_invalid = 0;
    public static final int GTF_permit_access = 1;
    public static final int GTF_type_mask = 3;
    public static final int GTF_readonly = 1 << 2;
    public static final int GTF_reading = 1 << 3;
    public static final int GTF_writing = 1 << 4;
    /** The entry accepts a transferred frame (public/grant_table.h:134). */
    public static final int GTF_accept_transfer = 2;
    /** Xen committed to transfer a frame into the entry (public/grant_table.h:152). */
    public static final int GTF_transfer_committed = 1 << 2;
    /** The transfer is done: {@code frame} holds the new frame (public/grant_table.h:153). */
    public static final int GTF_transfer_completed = 1 << 3;

    /**
     * The toolstack's reserved entries (xenstore, console: public/grant_table.h
     * {@code GNTTAB_NR_RESERVED_ENTRIES}): {@code GNTTABOP_set_version} keeps them, converted,
     * and may switch while they are mapped.
     */
    public static final int GNTTAB_NR_RESERVED_ENTRIES = 8;

    public static final GrantEntry INVALID = new GrantEntry(GTF_invalid, 0, 0);

    public boolean permitsAccess() {
        return (flags & GTF_type_mask) == GTF_permit_access;
    }

    public boolean readonly() {
        return (flags & GTF_readonly) != 0;
    }

    /** Whether a grantee maps it now: the granter cannot revoke it (bits 3-4 mean this only in a permit_access entry). */
    public boolean inUse() {
        return permitsAccess() && (flags & (GTF_reading | GTF_writing)) != 0;
    }

    public GrantEntry withFlags(int f) {
        return new GrantEntry(f, domid, frame);
    }
}
