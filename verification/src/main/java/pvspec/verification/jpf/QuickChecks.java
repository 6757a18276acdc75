package pvspec.verification.jpf;

import java.util.Map;
import pvspec.model.abi.Pte;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.PageType;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * Hand-written, JPF-safe versions of the invariants most exposed to races, run inside Java
 * PathFinder on every explored outcome: they name what broke, where the oracle comparison can
 * only say "no sequential order gives this". (The model's own invariants hold on every state in
 * the oracle: {@link OracleBuilder} checks them on the JVM.)
 */
public final class QuickChecks {
    private QuickChecks() {}

    /** The first violation found, or null. */
    public static String check(State s) {
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            String m = frame(s, mfn);
            if (m != null) return m;
        }
        for (Integer id : s.domains().keySet()) {
            String m = domain(s, s.domains().get(id));
            if (m != null) return m;
        }
        return null;
    }

    /** INV-1, INV-2, INV-6 (bounds), INV-3 (entries of L1 tables). */
    private static String frame(State s, int mfn) {
        Frame f = s.frame(mfn);
        if (f.isFree() && (f.count() != 0 || f.typeCount() != 0 || f.type() != PageType.NONE || f.pinned() || f.allocated())) {
            return "INV-1 ownership: free frame " + mfn + " holds references or a type";
        }
        if (f.count() < 0 || f.typeCount() < 0 || f.typeCount() > f.count()) {
            return "INV-6 exact-counts: frame " + mfn + " has count " + f.count() + " and type count " + f.typeCount();
        }
        if ((f.typeCount() == 0) != (f.type() == PageType.NONE)) {
            return "INV-2 type-exclusive: frame " + mfn + " has type " + f.type().name() + " at type count " + f.typeCount();
        }
        if (f.isTable(1)) {
            for (int i = 0; i < f.contents().size(); i++) {
                long e = f.entry(i);
                if (!Pte.present(e) || !Pte.writable(e) || !s.validMfn(Pte.mfn(e))) continue;
                Frame target = s.frame(Pte.mfn(e));
                if (target.type().isPageTable()) {
                    return "INV-3 no-writable-pagetable: L1 " + mfn + "[" + i + "] maps " + target.type().name() + " table " + Pte.mfn(e) + " writable";
                }
            }
        }
        return null;
    }

    /** INV-3 (TLBs), INV-11 (interdomain symmetry), INV-12 (grant mappings). */
    private static String domain(State s, Domain d) {
        for (int v = 0; v < d.vcpus().size(); v++) {
            Vcpu vcpu = d.vcpu(v);
            for (Map.Entry<Long, TlbEntry> e : vcpu.tlb().entrySet()) {
                TlbEntry t = e.getValue();
                if (t.writable() && s.validMfn(t.mfn()) && s.frame(t.mfn()).type().isPageTable()) {
                    return "INV-3 no-writable-pagetable: d" + d.id() + ".v" + v + " caches a writable translation to table " + t.mfn();
                }
            }
        }
        for (int p = 0; p < d.ports().size(); p++) {
            PortState st = d.port(p).state();
            if (!(st instanceof PortState.Interdomain)) continue;
            PortState.Interdomain i = (PortState.Interdomain) st;
            Domain r = s.domains().get(i.remoteDom());
            PortState back = r == null || !r.hasPort(i.remotePort()) ? null : r.port(i.remotePort()).state();
            if (!(back instanceof PortState.Interdomain) || ((PortState.Interdomain) back).remoteDom() != d.id()
                    || ((PortState.Interdomain) back).remotePort() != p) {
                return "INV-11 event-channels: d" + d.id() + " port " + p + " is linked to d" + i.remoteDom() + " port " + i.remotePort() + ", which is not linked back";
            }
        }
        for (Integer h : d.maptrack().keySet()) {
            Maptrack m = d.maptrack().get(h);
            Domain g = s.domains().get(m.dom());
            GrantEntry e = g == null || m.ref() < 0 || m.ref() >= g.grants().size() ? null : g.grants().get(m.ref());
            boolean ok = e != null && e.permitsAccess() && e.domid() == d.id() && e.frame() == m.frame()
                    && (e.flags() & GrantEntry.GTF_reading) != 0
                    && (m.readonly() || !e.readonly() && (e.flags() & GrantEntry.GTF_writing) != 0);
            if (!ok) return "INV-12 grants: d" + d.id() + " handle " + h + " maps frame " + m.frame() + " of d" + m.dom() + " without a live grant in use";
        }
        return null;
    }
}
