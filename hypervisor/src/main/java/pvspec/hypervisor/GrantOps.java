package pvspec.hypervisor;

import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Gntst.GNTST_bad_domain;
import static pvspec.model.abi.Gntst.GNTST_bad_gntref;
import static pvspec.model.abi.Gntst.GNTST_bad_handle;
import static pvspec.model.abi.Gntst.GNTST_bad_page;
import static pvspec.model.abi.Gntst.GNTST_general_error;
import static pvspec.model.abi.Gntst.GNTST_no_space;
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

    static final Refused MAP_NOT_HOST = Refused.of(GNTST_bad_gntref, "a map asks for GNTMAP_host_map");
    static final Refused MAP_FLAGS = Refused.of(GNTST_general_error, "only host_map and readonly are supported");
    static final Refused MAP_BAD_DOMAIN = Refused.of(GNTST_bad_domain, "no such granting domain");
    static final Refused MAP_NO_HANDLE = Refused.of(GNTST_no_space, "no free grant handle");
    static final Refused MAP_BAD_REF = Refused.of(GNTST_bad_gntref, "no such grant reference");
    static final Refused MAP_NOT_GRANTED = Refused.of(GNTST_general_error, "the entry does not grant the caller");
    static final Refused MAP_READONLY = Refused.of(GNTST_general_error, "a read-only grant maps read-only");
    static final Refused MAP_BAD_FRAME = Refused.of(GNTST_bad_page, "the granted frame is not the granter's");
    static final Refused MAP_COULD_NOT_PIN = Refused.of(GNTST_general_error, "the pinned grant's frame is not the granter's");
    static final Refused MAP_PAGE_TABLE = Refused.of(GNTST_general_error, "a page table cannot be mapped writable");
    static final Refused MAP_BAD_HOST = Refused.of(GNTST_general_error, "the host address has no L1 of the caller");
    static final Refused UNMAP_BAD_HANDLE = Refused.of(GNTST_bad_handle, "no such grant handle");
    static final Refused UNMAP_PTE_MISMATCH = Refused.of(GNTST_general_error, "the host PTE no longer maps the grant (XSA-234)");
    static final Refused UNKNOWN_COMMAND = Refused.of(ENOSYS, "no such grant-table command");
    static final Refused BAD_REF = Refused.of(EINVAL, "no such grant reference");
    static final Refused IN_USE = Refused.of(EBUSY, "the grant is mapped");

    static Result apply(Txn t, GrantTableOp h) {
        if (h instanceof GrantTableOp.MapGrantRef) return map(t, (GrantTableOp.MapGrantRef) h);
        if (h instanceof GrantTableOp.UnmapGrantRef) {
            int handle = ((GrantTableOp.UnmapGrantRef) h).handle();
            if (handle < 0 || handle >= t.dom.maptrack.length || t.dom.maptrack[handle] == null) throw UNMAP_BAD_HANDLE;
            return unmap(t, t.dom, handle);
        }
        throw UNKNOWN_COMMAND;
    }

    /** The granter writes its own table (in Xen, shared memory under a CAS protocol). */
    static Result write(Txn t, GrantTableWrite h) {
        Dom d = t.dom;
        int ref = h.ref();
        if (ref < 0 || ref >= d.grantFlags.length) throw BAD_REF;
        if (!t.checks.grantRewritable(d.grantFlags[ref])) throw IN_USE;
        int flags = 0;
        int domid = 0;
        long frame = 0;
        if (h instanceof GrantTableWrite.Grant) {
            GrantTableWrite.Grant g = (GrantTableWrite.Grant) h;
            flags = GTF_permit_access | (g.readonly() ? GTF_readonly : 0);
            domid = g.domid();
            frame = g.frame();
        }
        t.setInt(d.grantFlags, ref, flags);
        t.setInt(d.grantDomid, ref, domid);
        t.setLong(d.grantFrame, ref, frame);
        return Result.OK;
    }

    private static Result map(Txn t, GrantTableOp.MapGrantRef h) {
        int flags = h.flags();
        if ((flags & (GNTMAP_host_map | GNTMAP_device_map)) == 0) throw MAP_NOT_HOST;
        if ((flags & ~(GNTMAP_host_map | GNTMAP_readonly)) != 0) throw MAP_FLAGS;
        boolean readonly = (flags & GNTMAP_readonly) != 0;
        Dom granter = t.dom(h.dom() & 0xFFFF);
        if (granter == null) throw MAP_BAD_DOMAIN;
        Dom me = t.dom;
        int handle = lowestFreeHandle(me);
        if (handle < 0) throw MAP_NO_HANDLE;
        int ref = h.ref();
        if (ref < 0 || ref >= granter.grantFlags.length) throw MAP_BAD_REF;
        int gflags = granter.grantFlags[ref];
        if (!t.checks.grantPermits(gflags, granter.grantDomid[ref], t.me)) throw MAP_NOT_GRANTED;
        if (!t.checks.grantModeAllowed(gflags, readonly)) throw MAP_READONLY;
        long frame = granter.grantFrame[ref];
        // The granted frame: a general reference, and the writable type for a writable map.
        PageRefs.getPage(t, frame, granter.id, granter.grantMaps[ref] > 0 ? MAP_COULD_NOT_PIN : MAP_BAD_FRAME);
        if (!readonly) PageRefs.getPageType(t, (int) frame, FrameTable.WRITABLE, MAP_PAGE_TABLE);
        // create_grant_pv_mapping: the L1 slot is looked up; the old entry is replaced and put.
        long slot = Walker.l1Slot(t, me.baseptr[t.vcpu], t.me, h.hostVa(), MAP_BAD_HOST);
        int l1 = (int) (slot >>> 16);
        int index = (int) (slot & 0xFFFF);
        long old = t.ft.entry(l1, index);
        t.setEntry(l1, index, grantPte(frame, readonly));
        PageRefs.putFromL1e(t, old);
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
        if (ft.owner[m.hostL1] != mapper.id || FrameTable.type(ti) != 1 || FrameTable.typeCount(ti) <= 0) throw UNMAP_PTE_MISMATCH;
        if (!t.checks.unmapPteMatches(ft.entry(m.hostL1, m.hostIndex), grantPte(m.frame, m.readonly))) throw UNMAP_PTE_MISMATCH;
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
