package pvspec.verification.jpf;

import java.util.Arrays;
import java.util.Map;
import pvspec.model.abi.Result;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Callbacks;
import pvspec.model.state.Segments;
import pvspec.model.state.DescriptorTables;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.TrapBounce;
import pvspec.model.state.Vcpu;
import pvspec.model.state.Words;

/**
 * A canonical text of a model {@link State} (and of {@link Result}s) that Java PathFinder can
 * compute: every field, in a fixed order, built only from accessors, {@code instanceof},
 * {@code enum} names and a {@code StringBuilder} — no record {@code equals}, {@code hashCode} or
 * {@code toString}, which JPF cannot execute. Two states have equal digests exactly when they
 * are equal; the harnesses compare states by their digests, inside JPF and on the JVM alike.
 */
public final class StateDigest {
    private StateDigest() {}

    public static String of(State s) {
        StringBuilder b = new StringBuilder(512);
        b.append("F");
        for (int mfn = 0; mfn < s.frames().size(); mfn++) frame(b.append(' ').append(mfn).append('='), s.frame(mfn));
        int[] ids = keys(s.domains());
        for (int id : ids) domain(b.append(" D"), s.domains().get(id));
        return b.toString();
    }

    private static void frame(StringBuilder b, Frame f) {
        b.append(f.owner()).append(',').append(f.type().name()).append(',').append(f.typeCount()).append(',').append(f.count())
                .append(',').append(f.pinned() ? 'p' : '-').append(f.allocated() ? 'a' : '-').append(',').append(f.linearCount()).append(f.partial() ? ",partial" + f.nrValidated() : "")
                .append(',').append(f.dataTag());
        Words w = f.contents();
        if (!w.isZero()) {
            b.append('[');
            for (int i = 0; i < w.size(); i++) b.append(i == 0 ? "" : ";").append(Long.toHexString(w.get(i)));
            b.append(']');
        }
    }

    private static void domain(StringBuilder b, Domain d) {
        b.append(d.id()).append(d.privileged() ? "P" : "").append(',').append(d.life().name()).append(d.paused() ? ",paused" + d.pauseCount() : "")
                .append(",max=").append(d.maxPages())
                .append(d.vmAssist() != 0 ? ",assist=" + Long.toHexString(d.vmAssist()) : "");
        for (int v = 0; v < d.vcpus().size(); v++) vcpu(b.append(" v").append(v).append(':'), d.vcpu(v));
        for (int p = 0; p < d.ports().size(); p++) {
            Port port = d.port(p);
            if (port.isFree() && !port.pending() && !port.masked() && port.notifyVcpu() == 0) continue;
            b.append(" port").append(p).append('=');
            portState(b, port.state());
            b.append(port.pending() ? ",pending" : "").append(port.masked() ? ",masked" : "").append(",n").append(port.notifyVcpu());
        }
        for (int r = 0; r < d.grants().size(); r++) {
            GrantEntry g = d.grants().get(r);
            if (g.flags() == 0 && g.domid() == 0 && g.frame() == 0) continue;
            b.append(" grant").append(r).append('=').append(g.flags()).append(',').append(g.domid()).append(',').append(g.frame());
        }
        for (int h : keys(d.maptrack())) {
            Maptrack m = d.maptrack().get(h);
            b.append(" map").append(h).append('=').append(m.dom()).append(',').append(m.ref()).append(',').append(m.frame())
                    .append(",flags=").append(m.flags());
        }
    }

    private static void vcpu(StringBuilder b, Vcpu v) {
        b.append(v.baseptr()).append(v.hasOldGuestTable() ? ",old" + v.oldGuestTable() : "").append(v.blocked() ? ",blocked" : "").append(v.upcallPending() ? ",upcall" : "");
        if (v.hasUserBaseptr() || v.userMode()) b.append(",user-root ").append(v.userBaseptr()).append(v.userMode() ? ",user-mode" : "");
        Callbacks cb = v.callbacks();
        b.append(",cb=").append(cb.event()).append('/').append(cb.failsafe()).append('/').append(cb.syscall()).append('/')
                .append(cb.syscall32()).append('/').append(cb.sysenter()).append('/').append(cb.masks());
        for (int vector : keys(v.traps())) trap(b.append(",trap").append(vector).append('='), v.traps().get(vector));
        if (!v.descriptors().equals(DescriptorTables.NONE)) {
            b.append(",gdt=").append(v.descriptors().gdtFrames()).append('/').append(v.descriptors().gdtEntries())
                    .append(",ldt=").append(v.descriptors().ldtBase()).append('/').append(v.descriptors().ldtEntries());
        }
        if (!v.segments().equals(Segments.NONE)) {
            Segments sg = v.segments();
            b.append(",seg=").append(sg.kernelSs()).append('/').append(sg.kernelSp()).append('/').append(sg.fsBase()).append('/')
                    .append(sg.gsBaseKernel()).append('/').append(sg.gsBaseUser()).append('/').append(sg.gsUserSel());
        }
        for (Map.Entry<Long, TlbEntry> e : v.tlb().entrySet()) {
            long va = e.getKey();
            b.append(",tlb").append(va).append("->").append(e.getValue().mfn()).append(e.getValue().writable() ? "w" : "r");
        }
        if (v.lastTrap().isPresent()) {
            TrapBounce t = v.lastTrap().get();
            b.append(",trap").append(t.vector()).append(t.software() ? "s" : "").append(',').append(t.mode().name()).append('@');
            trap(b, t.handler());
        }
    }

    private static void trap(StringBuilder b, TrapInfo t) {
        b.append(t.vector()).append('/').append(t.dpl()).append('/').append(t.cs()).append('/').append(t.address());
    }

    private static void portState(StringBuilder b, PortState s) {
        if (s instanceof PortState.Unbound) b.append("unbound:").append(((PortState.Unbound) s).remoteDom());
        else if (s instanceof PortState.Interdomain) {
            PortState.Interdomain i = (PortState.Interdomain) s;
            b.append("interdomain:").append(i.remoteDom()).append(':').append(i.remotePort());
        } else if (s instanceof PortState.Virq) b.append("virq:").append(((PortState.Virq) s).virq());
        else if (s instanceof PortState.Ipi) b.append("ipi");
        else if (s instanceof PortState.Reserved) b.append("reserved");
        else b.append("free");
    }

    /** The keys of an integer-keyed map, ascending. */
    static int[] keys(Map<Integer, ?> m) {
        int[] k = new int[m.size()];
        int i = 0;
        for (Integer key : m.keySet()) k[i++] = key;
        Arrays.sort(k);
        return k;
    }

    /**
     * A result as the trace format writes it ({@code Result}'s own, hand-written {@code toString}),
     * except that an extent list shows every allocated frame, not only how many.
     */
    public static String result(Result r) {
        if (!(r instanceof Result.Extents)) return r.toString();
        StringBuilder b = new StringBuilder("extents");
        for (Long mfn : ((Result.Extents) r).mfns()) b.append(':').append(mfn.longValue());
        return b.toString();
    }
}
