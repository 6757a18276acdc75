package pvspec.model.state;

/**
 * One entry of a domain's grant table ({@code grant_entry_v1}): the granter writes {@code domid}
 * and {@code frame} and the type and readonly flags; Xen sets {@link #GTF_reading} and
 * {@link #GTF_writing} while the grantee maps it.
 */
public record GrantEntry(int flags, int domid, long frame) {

    public static final int GTF_invalid = 0;
    public static final int GTF_permit_access = 1;
    public static final int GTF_type_mask = 3;
    public static final int GTF_readonly = 1 << 2;
    public static final int GTF_reading = 1 << 3;
    public static final int GTF_writing = 1 << 4;

    public static final GrantEntry INVALID = new GrantEntry(GTF_invalid, 0, 0);

    public boolean permitsAccess() {
        return (flags & GTF_type_mask) == GTF_permit_access;
    }

    public boolean readonly() {
        return (flags & GTF_readonly) != 0;
    }

    /** Whether a grantee maps it now: the granter cannot revoke it. */
    public boolean inUse() {
        return (flags & (GTF_reading | GTF_writing)) != 0;
    }

    public GrantEntry withFlags(int f) {
        return new GrantEntry(f, domid, frame);
    }
}
