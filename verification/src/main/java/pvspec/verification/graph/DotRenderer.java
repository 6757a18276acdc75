package pvspec.verification.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Pte;
import pvspec.model.invariant.Violation;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;
import pvspec.model.trace.TracePrinter;

/**
 * Draws a state as a Graphviz DOT graph: one cluster per domain holding its frames (coloured by
 * owner, labelled with type, counts and pin), page-table edges labelled with slot and flags
 * (grant entries dashed, linear entries bold), vCPU base pointers, grants, grant mappings and
 * event-channel links. Frames and ports named in violations are drawn red.
 */
public final class DotRenderer {
    private static final String[] PALETTE = {"#cfe2ff", "#d1e7dd", "#fff3cd", "#f8d7da", "#e2d9f3", "#d2f4ea", "#ffe5d0", "#e9ecef"};

    private final State s;
    private final Set<Long> badFrames = new HashSet<>();
    private final Set<String> badPorts = new HashSet<>();
    private final StringBuilder b = new StringBuilder();

    private DotRenderer(State s, List<Violation> violations) {
        this.s = s;
        for (Violation v : violations) {
            badFrames.addAll(v.frames());
            badPorts.addAll(v.ports());
        }
    }

    public static String render(State s, List<Violation> violations, String title) {
        return new DotRenderer(s, violations).draw(title);
    }

    private String draw(String title) {
        b.append("digraph pvspec {\n  rankdir=LR; compound=true; fontname=\"Helvetica\";\n");
        b.append("  node [fontname=\"Helvetica\" fontsize=10 shape=box style=\"rounded,filled\"];\n");
        b.append("  edge [fontname=\"Helvetica\" fontsize=9];\n");
        b.append("  label=\"").append(esc(title)).append("\"; labelloc=t;\n");
        xenCluster();
        for (Domain d : s.domains().values()) domainCluster(d);
        for (int mfn = 0; mfn < s.frames().size(); mfn++) tableEdges(mfn);
        for (Domain d : s.domains().values()) domainEdges(d);
        legend();
        b.append("}\n");
        return b.toString();
    }

    private void xenCluster() {
        b.append("  subgraph cluster_xen { label=\"hypervisor\"; style=filled; fillcolor=\"#f1f3f5\";\n");
        for (int mfn = 0; mfn < s.frames().size(); mfn++) if (s.frame(mfn).owner() == DomId.DOMID_XEN) frameNode(mfn, "#adb5bd");
        b.append("  }\n");
    }

    private void domainCluster(Domain d) {
        String colour = PALETTE[d.id() % PALETTE.length];
        b.append("  subgraph cluster_d").append(d.id()).append(" { label=\"").append(d.id() == 0 ? "dom0" : "d" + d.id())
                .append(d.privileged() ? " (control)" : "").append(" · ").append(d.life().name().toLowerCase())
                .append(d.paused() ? ", paused" : "").append("\"; style=rounded;\n");
        for (int v = 0; v < d.vcpus().size(); v++) {
            Vcpu vc = d.vcpu(v);
            b.append("    v").append(d.id()).append('_').append(v).append(" [shape=ellipse fillcolor=white label=\"vCPU ").append(v)
                    .append(vc.blocked() ? "\\nblocked" : "").append(vc.upcallPending() ? "\\nupcall" : "")
                    .append(vc.tlb().isEmpty() ? "" : "\\nTLB " + vc.tlb().size()).append("\"];\n");
        }
        for (int mfn = 0; mfn < s.frames().size(); mfn++) if (s.frame(mfn).owner() == d.id()) frameNode(mfn, colour);
        for (int p = 1; p < d.ports().size(); p++) {
            Port port = d.port(p);
            if (port.isFree()) continue;
            String name = Violation.portName(d.id(), p);
            b.append("    \"").append(name).append("\" [shape=circle fixedsize=true width=0.45 fillcolor=")
                    .append(badPorts.contains(name) ? "\"#ff6b6b\"" : "white").append(" label=\"").append(p)
                    .append(port.pending() ? "*" : "").append("\" tooltip=\"").append(esc(port.state().toString())).append("\"];\n");
        }
        b.append("  }\n");
    }

    private void frameNode(long mfn, String colour) {
        Frame f = s.frame(mfn);
        StringBuilder label = new StringBuilder("mfn ").append(mfn);
        if (f.typeCount() > 0) label.append("\\n").append(f.type()).append(" ×").append(f.typeCount());
        label.append("\\ncount ").append(f.count());
        if (f.pinned()) label.append(" · pinned");
        // PGT_partial: nr_validated_ptes, and whether that entry holds a partial child (PTF_partial_set).
        if (f.partial()) label.append("\\npartial at ").append(f.nrValidated()).append(f.partialSet() ? " (child partial)" : "");
        if (!f.allocated() && f.owner() != DomId.DOMID_XEN) label.append(" · released");
        boolean bad = badFrames.contains(mfn);
        b.append("    f").append(mfn).append(" [fillcolor=\"").append(colour).append('"')
                .append(bad ? " color=\"#d00000\" penwidth=3 fontcolor=\"#d00000\"" : "")
                .append(f.isTable() ? " shape=box3d" : "").append(" label=\"").append(label).append("\"];\n");
    }

    private void tableEdges(long mfn) {
        Frame t = s.frame(mfn);
        if (!t.isTable() || t.owner() == DomId.DOMID_XEN) return;
        int level = t.type().level();
        for (int i = 0; i < t.contents().size(); i++) {
            long e = t.entry(i);
            if (!Pte.present(e) || (level == s.config().levels() && s.config().reserved(i))) continue;
            long target = Pte.mfn(e);
            if (!s.validMfn(target)) continue;
            boolean linear = level > 1 && (target == mfn || s.frame(target).type() == t.type());
            String flags = TracePrinter.pte(e);
            flags = flags.contains(":") ? flags.substring(flags.indexOf(':') + 1) : flags;
            boolean bad = badFrames.contains(target) && badFrames.contains(mfn) || badFrames.contains(target) && s.frame(target).type().isPageTable() && Pte.writable(e);
            b.append("  f").append(mfn).append(" -> f").append(target).append(" [label=\"[").append(i).append("] ").append(flags).append('"')
                    .append(Pte.isGrant(e) ? " style=dashed" : "").append(linear ? " style=bold color=\"#6f42c1\"" : "")
                    .append(bad ? " color=\"#d00000\" penwidth=2.5" : "").append("];\n");
        }
    }

    private void domainEdges(Domain d) {
        for (int v = 0; v < d.vcpus().size(); v++) {
            Vcpu vc = d.vcpu(v);
            if (vc.hasBaseptr()) b.append("  v").append(d.id()).append('_').append(v).append(" -> f").append(vc.baseptr()).append(" [label=\"base\" color=\"#0d6efd\"];\n");
        }
        for (int r = 0; r < d.grants().size(); r++) {
            GrantEntry g = d.grants().get(r);
            if (!g.permitsAccess() || !s.validMfn(g.frame())) continue;
            b.append("  f").append(g.frame()).append(" -> v").append(g.domid()).append("_0 [style=dotted arrowhead=none color=\"#198754\" label=\"gref ").append(r)
                    .append(g.readonly() ? " ro" : "").append(g.inUse() ? " in use" : "").append("\"];\n");
        }
        for (Map.Entry<Integer, Maptrack> m : d.maptrack().entrySet()) {
            b.append("  v").append(d.id()).append("_0 -> f").append(m.getValue().frame()).append(" [style=dashed color=\"#198754\" label=\"handle ")
                    .append(m.getKey()).append(m.getValue().readonly() ? " ro" : " rw").append("\"];\n");
        }
        for (int p = 1; p < d.ports().size(); p++) {
            PortState st = d.port(p).state();
            if (st instanceof PortState.Interdomain) {
                PortState.Interdomain l = (PortState.Interdomain) st;
                if (d.id() < l.remoteDom() || d.id() == l.remoteDom() && p < l.remotePort()) {
                    b.append("  \"").append(Violation.portName(d.id(), p)).append("\" -> \"").append(Violation.portName(l.remoteDom(), l.remotePort()))
                            .append("\" [dir=both color=\"#fd7e14\" label=\"evtchn\"];\n");
                }
            }
        }
    }

    private void legend() {
        long free = 0;
        for (Frame f : s.frames()) if (f.isFree()) free++;
        b.append("  legend [shape=note fillcolor=white label=\"").append(free).append(" free frames not drawn\\n")
                .append("bold purple: linear entry · dashed: grant mapping\\ndotted green: grant offered · orange: event channel\\n")
                .append("red: named by a violation\"];\n");
    }

    private static String esc(String x) {
        return x.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
