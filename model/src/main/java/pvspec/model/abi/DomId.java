package pvspec.model.abi;

/** Domain identifiers, with Xen's reserved values ({@code public/xen.h}). */
public final class DomId {
    private DomId() {}

    /** The control domain: privileged, created at boot. */
    public static final int DOM0 = 0;
    /** First id that names no real domain. */
    public static final int DOMID_FIRST_RESERVED = 0x7FF0;
    /** "The calling domain", where an argument names a domain. */
    public static final int DOMID_SELF = 0x7FF0;
    /**
     * {@code dom_io}, the owner of I/O memory; as {@code mmu_update}'s foreigndom it names no
     * RAM anyone may map ({@code get_page_from_l1e}) and reverts to the caller for I/O rights.
     */
    public static final int DOMID_IO = 0x7FF1;
    /** Owner of the hypervisor's own frames. */
    public static final int DOMID_XEN = 0x7FF2;
    /** Owner of a free frame: nobody. */
    public static final int DOMID_INVALID = 0x7FF4;

    /** Whether {@code id} is a number a real domain could have. */
    public static boolean isOrdinary(int id) {
        return id >= 0 && id < DOMID_FIRST_RESERVED;
    }

    /** {@code id}, with {@link #DOMID_SELF} replaced by the caller's own id. */
    public static int resolve(int id, Caller caller) {
        return id == DOMID_SELF ? caller.domain() : id;
    }
}
