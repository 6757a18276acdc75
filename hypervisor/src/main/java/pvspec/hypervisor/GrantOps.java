package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.GNTTAB_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_IN_USE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_FRAME;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_HOST;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_FLAGS;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_COULD_NOT_PIN;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NOT_GRANTED;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NOT_HOST;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NO_HANDLE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_PAGE_TABLE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_READONLY;
import static pvspec.model.abi.check.Check.GNTTAB_UNKNOWN_COMMAND;
import static pvspec.model.abi.check.Check.GNTTAB_UNMAP_BAD_HANDLE;
import static pvspec.model.abi.check.Check.GNTTAB_UNMAP_PTE_MISMATCH;
import static pvspec.model.abi.Gntst.GNTST_okay;
import static pvspec.model.abi.GrantTableOp.GNTMAP_device_map;
import static pvspec.model.abi.GrantTableOp.GNTMAP_host_map;
import static pvspec.model.abi.GrantTableOp.GNTMAP_readonly;
import static pvspec.model.state.GrantEntry.GTF_permit_access;
import static pvspec.model.state.GrantEntry.GTF_reading;
import static pvspec.model.state.GrantEntry.GTF_readonly;
import static pvspec.model.state.GrantEntry.GTF_writing;

import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;

/**
 * Grant tables: the granter's own entry writes, and the grantee's {@code map_grant_ref} /
 * {@code unmap_grant_ref} (v1 host mappings). The map's references to the granted frame (general,
 * and writable type if writable) belong to the grant PTE: the unmap drops them after checking the
 * PTE still maps the grant (XSA-234) and clearing it; an ordinary update replacing the PTE drops
 * them instead. The L1 is only looked up. The granter's entry shows
 * {@code GTF_reading}/{@code GTF_writing} while any mapping (writable mapping) exists, counted
 * per reference as in Xen's active entries.
 */
final class GrantOps {
    private GrantOps() {}


    static Result apply(Txn t, GrantTableOp h) {
        return h.accept(new GrantTableOp.Visitor<>() {
            @Override public Result mapGrantRef(GrantTableOp.MapGrantRef x) { return map(t, x); }

            @Override
            public Result unmapGrantRef(GrantTableOp.UnmapGrantRef x) {
                int handle = x.handle();
                if (handle < 0 || handle >= t.dom.maptrack.length || t.dom.maptrack[handle] == null) throw Refused.of(GNTTAB_UNMAP_BAD_HANDLE);
                return unmap(t, t.dom, handle);
            }

            @Override public Result unknown(GrantTableOp.Unknown x) { throw Refused.of(GNTTAB_UNKNOWN_COMMAND); }
        });
    }

    /** The granter writes its own table (in Xen, shared memory under a CAS protocol). */
    static Result write(Txn t, GrantTableWrite h) {
        Dom d = t.dom;
        int ref = h.ref();
        if (ref < 0 || ref >= d.grantFlags.length) throw Refused.of(GNTTAB_BAD_REF);
        if (!t.checks.grantRewritable(d.grantFlags[ref])) throw Refused.of(GNTTAB_IN_USE);
        return h.accept(new GrantTableWrite.Visitor<>() {
            @Override
            public Result grant(GrantTableWrite.Grant g) {
                return set(GTF_permit_access | (g.readonly() ? GTF_readonly : 0), g.domid(), g.frame());
            }

            @Override public Result endAccess(GrantTableWrite.EndAccess x) { return set(0, 0, 0); }

            private Result set(int flags, int domid, long frame) {
                t.setInt(d.grantFlags, ref, flags);
                t.setInt(d.grantDomid, ref, domid);
                t.setLong(d.grantFrame, ref, frame);
                return Result.OK;
            }
        });
    }

    private static Result map(Txn t, GrantTableOp.MapGrantRef h) {
        int flags = h.flags();
        if ((flags & (GNTMAP_host_map | GNTMAP_device_map)) == 0) throw Refused.of(GNTTAB_MAP_NOT_HOST);
        if ((flags & ~(GNTMAP_host_map | GNTMAP_readonly)) != 0) throw Refused.of(GNTTAB_MAP_FLAGS);
        boolean readonly = (flags & GNTMAP_readonly) != 0;
        Dom granter = t.dom(h.dom() & 0xFFFF);
        if (granter == null) throw Refused.of(GNTTAB_MAP_BAD_DOMAIN);
        Dom me = t.dom;
        int handle = lowestFreeHandle(me);
        if (handle < 0) throw Refused.of(GNTTAB_MAP_NO_HANDLE);
        int ref = h.ref();
        if (ref < 0 || ref >= granter.grantFlags.length) throw Refused.of(GNTTAB_MAP_BAD_REF);
        int gflags = granter.grantFlags[ref];
        if (!t.checks.grantPermits(gflags, granter.grantDomid[ref], t.me)) throw Refused.of(GNTTAB_MAP_NOT_GRANTED);
        if (!t.checks.grantModeAllowed(gflags, readonly)) throw Refused.of(GNTTAB_MAP_READONLY);
        long frame = granter.grantFrame[ref];
        // The granted frame: a general reference, and the writable type for a writable map.
        PageRefs.getPage(t, frame, granter.id, granter.grantMaps[ref] > 0 ? GNTTAB_MAP_COULD_NOT_PIN : GNTTAB_MAP_BAD_FRAME);
        if (!readonly) PageRefs.getPageType(t, (int) frame, FrameTable.WRITABLE, GNTTAB_MAP_PAGE_TABLE);
        // create_grant_pv_mapping: the L1 slot is looked up; the old entry is replaced and put.
        long slot = Walker.l1Slot(t, me.baseptr[t.vcpu], t.me, h.hostVa(), GNTTAB_MAP_BAD_HOST);
        int l1 = (int) (slot >>> 16);
        int index = (int) (slot & 0xFFFF);
        long old = t.ft.entry(l1, index);
        t.setEntry(l1, index, grantPte(frame, readonly));
        PageRefs.putFromL1e(t, old, l1);
        t.setObj(me.maptrack, handle, new GrantMap(granter.id, ref, frame, readonly, l1, index));
        active(t, granter, ref, 1, readonly ? 0 : 1);
        return Result.value(handle);
    }

    /** The entry Xen writes for a host mapping: present, accessed, dirty, NX, user, marked as a grant. */
    static long grantPte(long frame, boolean readonly) {
        long pte = Pte.make(frame, PteFlag.P, PteFlag.A, PteFlag.D, PteFlag.NX, PteFlag.US, PteFlag.GNTTAB);
        return readonly ? pte : pte | PteFlag.RW.mask();
    }

    /**
     * {@code unmap_common}: the PTE must still map the
     * grant's frame with its P and RW (XSA-234); it is cleared, the mapper's translations of the
     * frame flushed, the references dropped, the maptrack entry and in-use flags released.
     */
    static Result unmap(Txn t, Dom mapper, int handle) {
        GrantMap m = mapper.maptrack[handle];
        t.dom(m.dom); // the granter: locked, and present while a mapping names it (Txn.commit)
        FrameTable ft = t.ft;
        long ti = ft.typeInfo.get(m.hostL1);
        if (ft.owner[m.hostL1] != mapper.id || FrameTable.type(ti) != 1 || FrameTable.typeCount(ti) <= 0) throw Refused.of(GNTTAB_UNMAP_PTE_MISMATCH);
        if (!t.checks.unmapPteMatches(ft.entry(m.hostL1, m.hostIndex), grantPte(m.frame, m.readonly))) throw Refused.of(GNTTAB_UNMAP_PTE_MISMATCH);
        t.setEntry(m.hostL1, m.hostIndex, Pte.NONE);
        if (ft.valid(m.frame)) {
            int f = (int) m.frame;
            TlbOps.forgetFrameIn(t, mapper, f);
            if (t.checks.unmapDropsType(m.readonly)) PageRefs.putPageAndType(t, f);
            else PageRefs.putPage(t, f);
        }
        release(t, mapper, handle);
        return Result.gnt(GNTST_okay);
    }

    /** Free a maptrack entry and lower the in-use flags; the references stay with the PTE ({@code gnttab_release_mappings}). */
    static void release(Txn t, Dom mapper, int handle) {
        GrantMap m = mapper.maptrack[handle];
        t.setObj(mapper.maptrack, handle, null);
        Dom granter = t.dom(m.dom);
        if (granter != null) active(t, granter, m.ref, -1, m.readonly ? 0 : -1);
    }

    /** Adjust a grant's active counts and derive its in-use flags from them. */
    private static void active(Txn t, Dom g, int ref, int maps, int writeMaps) {
        t.setInt(g.grantMaps, ref, g.grantMaps[ref] + maps);
        t.setInt(g.grantWriteMaps, ref, g.grantWriteMaps[ref] + writeMaps);
        int flags = g.grantFlags[ref] & ~(GTF_reading | GTF_writing)
                | (g.grantMaps[ref] > 0 ? GTF_reading : 0) | (g.grantWriteMaps[ref] > 0 ? GTF_writing : 0);
        if (flags != g.grantFlags[ref]) t.setInt(g.grantFlags, ref, flags);
    }

    private static int lowestFreeHandle(Dom d) {
        for (int h = 0; h < d.maptrack.length; h++) if (d.maptrack[h] == null) return h;
        return -1;
    }
}
