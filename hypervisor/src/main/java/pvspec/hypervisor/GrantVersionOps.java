package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.GNTTAB_GET_VERSION_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_GET_VERSION_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.GNTTAB_SET_VERSION_BAD;
import static pvspec.model.abi.check.Check.GNTTAB_SET_VERSION_IN_USE;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_BAD_VIRT_ADDR;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_LIST_NOT_GUEST;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_TOO_MANY;

import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;
import pvspec.model.state.GrantEntry;

/**
 * {@code GNTTABOP_set_version}, {@code get_version} and {@code get_status_frames}. A switch keeps
 * the eight reserved entries (a v2 to v1 switch only those that permit access) and zeroes the rest
 * of the arrays, so that the entries beyond a shrunk (v2) table are zero when it grows again. The
 * active counts stay: only reserved entries may be mapped across a switch. Every domain may use
 * v2 (no {@code max_grant_version} at creation), so {@code -ENOSYS} never comes.
 */
final class GrantVersionOps {
    private GrantVersionOps() {}

    static Result set(Txn t, GrantTableOp.SetVersion h) {
        long v = h.version() & 0xFFFFFFFFL;
        if (v != 1 && v != 2) throw Refused.of(GNTTAB_SET_VERSION_BAD);
        Dom d = t.dom;
        if (d.vars[Dom.GRANT_VERSION] == v) return Result.value(v);
        int n = d.grantEntries();
        if (t.checks.setVersionWaitsForPins()) {
            for (int r = GrantEntry.GNTTAB_NR_RESERVED_ENTRIES; r < n; r++) if (d.grantMaps[r] != 0) throw Refused.of(GNTTAB_SET_VERSION_IN_USE);
        }
        for (int r = 0; r < d.grantFlags.length; r++) {
            boolean keep = r < GrantEntry.GNTTAB_NR_RESERVED_ENTRIES && (v == 2 || (d.grantFlags[r] & GrantEntry.GTF_type_mask) == GrantEntry.GTF_permit_access);
            if (keep || (d.grantFlags[r] == 0 && d.grantDomid[r] == 0 && d.grantFrame[r] == 0)) continue;
            t.setInt(d.grantFlags, r, 0);
            t.setInt(d.grantDomid, r, 0);
            t.setLong(d.grantFrame, r, 0);
        }
        t.setLong(d.vars, Dom.GRANT_VERSION, v);
        return Result.value(v);
    }

    static Result get(Txn t, GrantTableOp.GetVersion h) {
        Dom d = GrantSizeOps.target(t, h.dom(), GNTTAB_GET_VERSION_BAD_DOMAIN, GNTTAB_GET_VERSION_NOT_PERMITTED);
        return Result.value(d.vars[Dom.GRANT_VERSION]);
    }

    /** A v2 table has one status frame per eight grant frames (2048 status entries a page, 256 v2 entries a frame). */
    static Result statusFrames(Txn t, GrantTableOp.GetStatusFrames h) {
        if (!GuestCopy.handleOkay(t, h.frameList())) throw Refused.of(GNTTAB_STATUS_FRAMES_LIST_NOT_GUEST);
        Dom d = GrantSizeOps.target(t, h.dom(), GNTTAB_STATUS_FRAMES_BAD_DOMAIN, GNTTAB_STATUS_FRAMES_NOT_PERMITTED);
        long status = d.vars[Dom.GRANT_VERSION] == 2 ? (d.vars[Dom.GRANT_FRAMES] + 7) / 8 : 0;
        long nr = h.nrFrames() & 0xFFFFFFFFL;
        if (nr > status) throw Refused.of(GNTTAB_STATUS_FRAMES_TOO_MANY);
        if (!GuestCopy.frameNumbers(t, h.frameList(), nr)) {
            t.batchStoppedBy = GNTTAB_STATUS_FRAMES_BAD_VIRT_ADDR; // the numbers written before stay
            return GNTTAB_STATUS_FRAMES_BAD_VIRT_ADDR.result();
        }
        return Result.gnt(Gntst.GNTST_okay);
    }
}
