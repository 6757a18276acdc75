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
        for (int p = 0; p < d.ports.length; p++) EvtchnOps.closePort(t, d, p);
        for (int h = 0; h < d.maptrack.length; h++) if (d.maptrack[h] != null) GrantOps.release(t, d, h);
        for (int v = 0; v < d.nvcpus; v++) {
            OldGuest.put(t, d, v, false); // vcpu_destroy_pagetables (mm.c:3220)
            long base = d.baseptr[v];
            long user = d.userBaseptr[v];
            t.setLong(d.baseptr, v, Dom.NO_BASEPTR);
            t.setLong(d.userBaseptr, v, Dom.NO_BASEPTR);
            t.setLong(d.vflags, v, 0);
            TlbOps.flushLocal(t, d, v);
            if (d.lastTrap[v] != null) t.setObj(d.lastTrap, v, null);
            TrapOps.clearTraps(t, d.traps[v]);
            for (int i = 0; i <= Dom.CB_MASKS; i++) if (d.callbacks[v][i] != 0) t.setLong(d.callbacks[v], i, 0);
            for (int i = 0; i <= Dom.SG_GS_USER_SEL; i++) {
                long initial = i == Dom.SG_KERNEL_SS ? Dom.FLAT_KERNEL_SS : 0;
                if (d.segs[v][i] != initial) t.setLong(d.segs[v], i, initial);
            }
            if (base != Dom.NO_BASEPTR) PageRefs.putPageAndType(t, (int) base);
            if (user != Dom.NO_BASEPTR) PageRefs.putPageAndType(t, (int) user); // vcpu_destroy_pagetables: guest_table_user last
            DescOps.destroyGdt(t, d, v);
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
            // relinquish_memory tears partial tables down (domain.c:2361-2417).
            if (ft.owner[mfn] == d.id && t.checks.relinquishTearsDownPartial()) PageRefs.putPartial(t, mfn, false);
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
