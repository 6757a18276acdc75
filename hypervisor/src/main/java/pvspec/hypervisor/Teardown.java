package pvspec.hypervisor;

/**
 * {@code domain_kill} / {@code domain_relinquish_resources}: the domain stops, its ports close,
 * its grant mappings go, its vCPUs drop their base pointers, its pins and allocations are
 * dropped. Frames others still reference linger, owned by the dying domain, until they let go;
 * the domain is gone once it owns nothing.
 */
final class Teardown {
    private Teardown() {}

    static void destroy(Txn t, Dom d) {
        t.setLong(d.vars, Dom.LIFE, Dom.DYING);
        for (int v = 0; v < Dom.VECTORS; v++) if (d.traps[v] != null) t.setObj(d.traps, v, null);
        t.setLong(d.vars, Dom.EVENT_CALLBACK, 0);
        t.setLong(d.vars, Dom.FAILSAFE_CALLBACK, 0);
        for (int p = 0; p < d.ports.length; p++) EvtchnOps.closePort(t, d, p);
        for (int h = 0; h < d.maptrack.length; h++) if (d.maptrack[h] != null) GrantOps.release(t, d, h);
        for (int v = 0; v < d.nvcpus; v++) {
            long base = d.baseptr[v];
            long user = d.userBaseptr[v];
            t.setLong(d.baseptr, v, Dom.NO_BASEPTR);
            t.setLong(d.userBaseptr, v, Dom.NO_BASEPTR);
            t.setLong(d.vflags, v, 0);
            TlbOps.flushLocal(t, d, v);
            if (d.lastTrap[v] != null) t.setObj(d.lastTrap, v, null);
            if (base != Dom.NO_BASEPTR) PageRefs.putPageAndType(t, (int) base);
            if (user != Dom.NO_BASEPTR) PageRefs.putPageAndType(t, (int) user); // vcpu_destroy_pagetables: guest_table_user last
        }
        FrameTable ft = t.ft;
        for (int mfn = 0; mfn < ft.frames; mfn++) {
            if (ft.owner[mfn] != d.id) continue;
            long ti = ft.typeInfo.get(mfn);
            if (!FrameTable.pinned(ti)) continue;
            t.setTypeInfo(mfn, ti & ~FrameTable.PGT_PINNED);
            PageRefs.putPageAndType(t, mfn);
        }
        for (int mfn = 0; mfn < ft.frames; mfn++) {
            if (ft.owner[mfn] != d.id) continue;
            long ci = ft.countInfo.get(mfn);
            if (!FrameTable.allocated(ci)) continue;
            t.setCountInfo(mfn, ci & ~FrameTable.PGC_ALLOCATED);
            t.setLong(d.vars, Dom.TOT_PAGES, d.vars[Dom.TOT_PAGES] - 1);
            PageRefs.putPage(t, mfn);
        }
    }
}
