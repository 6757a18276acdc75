package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_ARG;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_FRAME;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_PAGE;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_FRAME_NOT_SELF;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_GRANTER_DYING;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_NOT_GRANTED;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_NOT_WRITABLE;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_PINNED_BY_OTHER;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_READONLY;

import pvspec.model.abi.DomId;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;

/**
 * {@code GNTTABOP_copy}, one element a request ({@code gnttab_copy_one} with fresh buffers): lock
 * both domains, claim the source (a general reference) and the destination (a general reference
 * and the writable type), check the page bounds, copy the bytes, release the claims. A grant's
 * pin lasts only while the caller holds the granter's lock, so its in-use flags never show. A
 * refusal rolls the claims back with the journal.
 */
final class GrantCopyOps {
    private GrantCopyOps() {}

    static Result copy(Txn t, GrantTableOp.Copy h) {
        int len = h.len() & 0xFFFF;
        if (len == 0) return Result.gnt(Gntst.GNTST_okay);
        Dom src = lock(t, h.sourceDom(), h.sourceGref());
        Dom dst = lock(t, h.destDom(), h.destGref());
        int from = claim(t, src, h.sourceGref(), h.source(), true);
        int to = claim(t, dst, h.destGref(), h.dest(), false);
        int so = h.sourceOffset() & 0xFFFF;
        int dof = h.destOffset() & 0xFFFF;
        if (!t.checks.copyWithinPage(so, dof, len)) throw Refused.of(GNTTAB_COPY_BAD_ARG);
        bytes(t, from, so, to, dof, len);
        if (t.checks.copyDestTakesType()) PageRefs.putPageType(t, to);
        PageRefs.putPage(t, to);
        PageRefs.putPage(t, from);
        return Result.gnt(Gntst.GNTST_okay);
    }

    private static Dom lock(Txn t, int domid, boolean gref) {
        int id = domid & 0xFFFF;
        if (!t.checks.copyFrameNamed(id, gref)) throw Refused.of(GNTTAB_COPY_FRAME_NOT_SELF);
        Dom d = t.dom(id == DomId.DOMID_SELF ? t.me : id);
        if (d == null) throw Refused.of(GNTTAB_COPY_BAD_DOMAIN);
        return d;
    }

    /** A side's frame, with a general reference (and for the destination the writable type) taken. */
    private static int claim(Txn t, Dom d, boolean gref, long ptr, boolean readonly) {
        long frame = gref ? acquire(t, d, ptr & 0xFFFFFFFFL, readonly) : ptr;
        if (!gref) PageRefs.getPage(t, frame, d.id, GNTTAB_COPY_BAD_FRAME);
        if (!readonly && t.checks.copyDestTakesType()) PageRefs.getPageType(t, (int) frame, FrameTable.WRITABLE, GNTTAB_COPY_NOT_WRITABLE);
        return (int) frame;
    }

    /** {@code acquire_grant_for_copy}, v1: the active counts say whether the entry is pinned (mapped). */
    private static long acquire(Txn t, Dom g, long ref, boolean readonly) {
        if (ref >= g.grantEntries()) throw Refused.of(GNTTAB_COPY_BAD_REF);
        int r = (int) ref;
        int flags = g.grantFlags[r];
        boolean pinned = g.grantMaps[r] > 0;
        if (pinned && g.grantDomid[r] != t.me) throw Refused.of(GNTTAB_COPY_PINNED_BY_OTHER);
        long frame = g.grantFrame[r];
        if (!pinned || !readonly && g.grantWriteMaps[r] == 0) {
            if (!pinned && !t.checks.grantPermits(flags, g.grantDomid[r], t.me)) throw Refused.of(GNTTAB_COPY_NOT_GRANTED);
            if (!t.checks.grantModeAllowed(flags, readonly)) throw Refused.of(GNTTAB_COPY_READONLY);
            PageRefs.getPage(t, frame, g.id, GNTTAB_COPY_BAD_PAGE);
        } else {
            if (!g.alive()) throw Refused.of(GNTTAB_COPY_GRANTER_DYING);
            PageRefs.getPage(t, frame, g.id, GNTTAB_COPY_GRANTER_DYING);
        }
        return frame;
    }

    /** The memcpy on the frames' words (the first 8 * entries bytes of each page), little-endian; the destination holds its owner's data. */
    private static void bytes(Txn t, int from, int so, int to, int dof, int len) {
        FrameTable ft = t.ft;
        int n = ft.entries * 8;
        byte[] in = new byte[n];
        for (int i = 0; i < n; i++) in[i] = (byte) (ft.entry(from, i >> 3) >>> ((i & 7) << 3));
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = (byte) (ft.entry(to, i >> 3) >>> ((i & 7) << 3));
        for (int k = 0; k < len; k++) {
            int d = dof + k;
            if (d >= n) break;
            int s = so + k;
            out[d] = s < n ? in[s] : 0;
        }
        for (int w = 0; w < ft.entries; w++) {
            long v = 0;
            for (int b = 7; b >= 0; b--) v = v << 8 | (out[w * 8 + b] & 0xFF);
            if (v != ft.entry(to, w)) t.setEntry(to, w, v);
        }
        t.setInt(ft.dataTag, to, ft.owner[to]);
    }
}
