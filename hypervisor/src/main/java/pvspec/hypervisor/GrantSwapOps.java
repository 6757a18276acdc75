package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.GNTTAB_SWAP_A_BUSY;
import static pvspec.model.abi.check.Check.GNTTAB_SWAP_BAD_REF_A;
import static pvspec.model.abi.check.Check.GNTTAB_SWAP_BAD_REF_B;
import static pvspec.model.abi.check.Check.GNTTAB_SWAP_B_BUSY;

import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;

/**
 * {@code GNTTABOP_swap_grant_ref} in the caller's own table: both references below
 * {@code nr_grant_entries}, a reference with itself a no-op, neither entry pinned (its active
 * mapping count, {@link Dom#grantMaps}), then the two entries (flags with a v2 entry's status
 * bits, domid, frame) change places, for either table version. The active counts stay with their
 * references: both are zero.
 */
final class GrantSwapOps {
    private GrantSwapOps() {}

    static Result swap(Txn t, GrantTableOp.SwapGrantRef h) {
        Dom d = t.dom;
        long entries = d.grantEntries();
        long a = h.refA() & 0xFFFFFFFFL; // grant_ref_t
        long b = h.refB() & 0xFFFFFFFFL;
        if (a >= entries) throw Refused.of(GNTTAB_SWAP_BAD_REF_A);
        if (b >= entries) throw Refused.of(GNTTAB_SWAP_BAD_REF_B);
        if (a == b) return Result.gnt(Gntst.GNTST_okay);
        int ra = (int) a;
        int rb = (int) b;
        if (!t.checks.grantSwappable(d.grantMaps[ra])) throw Refused.of(GNTTAB_SWAP_A_BUSY);
        if (!t.checks.grantSwappable(d.grantMaps[rb])) throw Refused.of(GNTTAB_SWAP_B_BUSY);
        int flags = d.grantFlags[ra];
        int domid = d.grantDomid[ra];
        long frame = d.grantFrame[ra];
        t.setInt(d.grantFlags, ra, d.grantFlags[rb]);
        t.setInt(d.grantDomid, ra, d.grantDomid[rb]);
        t.setLong(d.grantFrame, ra, d.grantFrame[rb]);
        t.setInt(d.grantFlags, rb, flags);
        t.setInt(d.grantDomid, rb, domid);
        t.setLong(d.grantFrame, rb, frame);
        return Result.gnt(Gntst.GNTST_okay);
    }
}
