package pvspec.guests.attack;

import pvspec.model.abi.DomId;
import pvspec.model.abi.GrantTableOp;

/** {@code GNTTABOP_copy} requests the copy attacks make: each side a frame of the caller's (DOMID_SELF) or a grant reference. */
final class Copies {
    private Copies() {}

    /** From the caller's frame {@code src} to its frame {@code dst}, both named with DOMID_SELF. */
    static GrantTableOp.Copy frames(long src, long dst, int destOffset, int len) {
        return new GrantTableOp.Copy(0, src, DomId.DOMID_SELF, 0, dst, DomId.DOMID_SELF, destOffset, len);
    }

    /** From frame {@code src} named as domain {@code srcDom}'s (not DOMID_SELF) to the caller's frame {@code dst}. */
    static GrantTableOp.Copy frameOf(int srcDom, long src, long dst, int len) {
        return new GrantTableOp.Copy(0, src, srcDom, 0, dst, DomId.DOMID_SELF, 0, len);
    }

    /** From the caller's frame {@code src} into grant {@code ref} of {@code dom}. */
    static GrantTableOp.Copy toGrant(long src, int dom, int ref, int len) {
        return new GrantTableOp.Copy(GrantTableOp.GNTCOPY_dest_gref, src, DomId.DOMID_SELF, 0, ref, dom, 0, len);
    }

    /** From grant {@code ref} of {@code dom} into the caller's frame {@code dst}. */
    static GrantTableOp.Copy fromGrant(int dom, int ref, long dst, int len) {
        return new GrantTableOp.Copy(GrantTableOp.GNTCOPY_source_gref, ref, dom, 0, dst, DomId.DOMID_SELF, 0, len);
    }
}
