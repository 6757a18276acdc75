package pvspec.hypervisor;

import java.util.ArrayList;
import java.util.List;

/**
 * The hypervisor's own bookkeeping agrees with its primary state: the heap bitmap with frame
 * owners, per-domain totals with frame counts, upcall sources and active grant counts with
 * ports and maptracks, TLB holders with TLB contents. (The model's invariants check the
 * abstract state; this checks what the abstraction forgets.) For tests; takes every lock.
 */
final class Consistency {
    private Consistency() {}

    static List<String> check(Hypervisor hv) {
        List<String> out = new ArrayList<>();
        FrameTable ft = hv.ft;
        long[] owned = new long[hv.nslots];
        long[] tot = new long[hv.nslots];
        for (int mfn = 0; mfn < ft.frames; mfn++) {
            int o = ft.owner[mfn];
            boolean free = o == FrameTable.FREE;
            if (free != hv.heap.isFree(mfn)) out.add("frame " + mfn + ": owner " + o + " but heap says free=" + hv.heap.isFree(mfn));
            if (o >= 0 && o < hv.nslots) {
                owned[o]++;
                if (FrameTable.allocated(ft.countInfo.get(mfn))) tot[o]++;
            }
        }
        int[][] maps = new int[hv.nslots][];
        int[][] writeMaps = new int[hv.nslots][];
        for (Dom d : hv.doms) {
            if (d == null) continue;
            maps[d.id] = new int[d.grantMaps.length];
            writeMaps[d.id] = new int[d.grantMaps.length];
        }
        for (Dom d : hv.doms) {
            if (d == null) continue;
            if (d.vars[Dom.OWNED] != owned[d.id]) out.add("d" + d.id + ": OWNED " + d.vars[Dom.OWNED] + " but owns " + owned[d.id]);
            if (d.vars[Dom.TOT_PAGES] != tot[d.id]) out.add("d" + d.id + ": TOT_PAGES " + d.vars[Dom.TOT_PAGES] + " but " + tot[d.id]);
            int[] sources = new int[d.nvcpus];
            for (long w : d.ports) if (Evtchn.signals(w) && Evtchn.notify(w) < d.nvcpus) sources[Evtchn.notify(w)]++;
            for (int v = 0; v < d.nvcpus; v++) {
                if (sources[v] != d.upcallSources[v]) out.add("d" + d.id + ".v" + v + ": upcall sources " + d.upcallSources[v] + " but " + sources[v]);
                long[] keys = d.tlb[v].keySlots();
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] < 0) continue;
                    long mfn = Tlb.mfn(d.tlb[v].valueAt(i));
                    if (ft.valid(mfn) && (ft.tlbDoms.get((int) mfn) & 1L << d.id) == 0) {
                        out.add("d" + d.id + ".v" + v + ": TLB maps " + mfn + " but the frame does not list the domain");
                    }
                }
            }
            for (GrantMap m : d.maptrack) {
                if (m == null || m.dom < 0 || m.dom >= hv.nslots || maps[m.dom] == null) continue;
                maps[m.dom][m.ref]++;
                if (!m.readonly()) writeMaps[m.dom][m.ref]++;
            }
        }
        for (Dom d : hv.doms) {
            if (d == null) continue;
            for (int r = 0; r < d.grantMaps.length; r++) {
                if (d.grantMaps[r] != maps[d.id][r] || d.grantWriteMaps[r] != writeMaps[d.id][r]) {
                    out.add("d" + d.id + " ref " + r + ": active " + d.grantMaps[r] + "/" + d.grantWriteMaps[r]
                            + " but maptracks say " + maps[d.id][r] + "/" + writeMaps[d.id][r]);
                }
            }
        }
        return out;
    }
}
