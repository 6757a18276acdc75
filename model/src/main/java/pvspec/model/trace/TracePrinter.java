package pvspec.model.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;

/** Writes requests, callers, entries and addresses in the trace format. */
public final class TracePrinter {
    private TracePrinter() {}

    static String print(Trace t) {
        StringBuilder b = new StringBuilder("# pvspec trace v1\n").append(config(t.config())).append('\n');
        for (TraceStep s : t.steps()) b.append(step(t.config(), s.caller(), s.call(), s.expect())).append('\n');
        return b.toString();
    }

    public static String config(Config c) {
        StringBuilder b = new StringBuilder("config");
        b.append(" levels=").append(c.levels()).append(" entries=").append(c.entries()).append(" frames=").append(c.frames())
                .append(" domains=").append(c.domains()).append(" vcpus=").append(c.vcpus()).append(" ports=").append(c.ports())
                .append(" grants=").append(c.grants());
        Config d = Config.withDefaults(c.levels(), c.entries(), c.frames(), c.domains(), c.vcpus(), c.ports(), c.grants());
        if (c.xenFrames() != d.xenFrames()) b.append(" xen_frames=").append(c.xenFrames());
        if (c.reservedFirst() != d.reservedFirst() || c.reservedCount() != d.reservedCount()) {
            b.append(" reserved=").append(c.reservedFirst()).append("..").append(c.reservedFirst() + c.reservedCount() - 1);
        }
        return b.toString();
    }

    /** One trace line. */
    public static String step(Config c, Caller caller, Hypercall h, Optional<Expectation> expect) {
        String line = caller(caller) + ": " + call(c, h);
        return expect.map(e -> line + " -> " + e).orElse(line);
    }

    /** One trace line with the result the request got. */
    public static String step(Config c, Caller caller, Hypercall h, Result r) {
        return step(c, caller, h, Optional.of(Expectation.of(r)));
    }

    public static String caller(Caller c) {
        StringBuilder b = new StringBuilder(c.domain() == 0 ? "dom0" : "d" + c.domain());
        if (c.vcpu() != 0) b.append(".v").append(c.vcpu());
        if (c.isUser()) b.append("/user");
        return b.toString();
    }

    /** The request, as the trace writes it after the caller. */
    public static String call(Config c, Hypercall h) {
        if (h instanceof MmuUpdate) {
            MmuUpdate u = (MmuUpdate) h;
            List<String> parts = new ArrayList<>();
            parts.add("mmu_update");
            if (u.foreigndom() != DomId.DOMID_SELF) parts.add("foreigndom=" + domid(u.foreigndom()));
            for (MmuUpdate.Request r : u.requests()) parts.add("ptr=" + r.mfn() + "[" + r.index() + "] val=" + pte(r.val()));
            return String.join(" ", parts);
        }
        if (h instanceof MmuextOp) {
            List<String> ops = new ArrayList<>();
            for (MmuextOp.Op op : ((MmuextOp) h).ops()) ops.add(mmuext(c, op));
            return ops.isEmpty() ? "mmuext_op" : "mmuext_op " + String.join(" ; ", ops);
        }
        if (h instanceof UpdateVaMapping) {
            UpdateVaMapping u = (UpdateVaMapping) h;
            return "update_va_mapping va=" + va(c, u.va()) + " val=" + pte(u.val()) + " flags=" + uvmFlags(u.flags());
        }
        if (h instanceof SetTrapTable) {
            StringBuilder b = new StringBuilder("set_trap_table");
            for (TrapInfo t : ((SetTrapTable) h).traps()) {
                b.append(" trap=").append(t.vector()).append(',').append(t.dpl()).append(',').append(hex(t.cs())).append(',').append(address(c, t.address()));
            }
            return b.toString();
        }
        if (h instanceof SetCallbacks) {
            SetCallbacks s = (SetCallbacks) h;
            return "set_callbacks event=" + address(c, s.event()) + " failsafe=" + address(c, s.failsafe());
        }
        if (h instanceof EventChannelOp) return "event_channel_op " + eventChannelOp((EventChannelOp) h);
        if (h instanceof EventChannelWrite) return h.kind() + " port=" + ((EventChannelWrite) h).port();
        if (h instanceof GrantTableOp) return "grant_table_op " + grantTableOp(c, (GrantTableOp) h);
        if (h instanceof GrantTableWrite.Grant) {
            GrantTableWrite.Grant g = (GrantTableWrite.Grant) h;
            return "grant ref=" + g.ref() + " domid=" + domid(g.domid()) + " frame=" + g.frame() + " readonly=" + g.readonly();
        }
        if (h instanceof GrantTableWrite.EndAccess) return "end_access ref=" + ((GrantTableWrite.EndAccess) h).ref();
        if (h instanceof MemoryOp) return "memory_op " + memoryOp((MemoryOp) h);
        if (h instanceof Domctl) return "domctl " + domctl((Domctl) h);
        if (h instanceof SchedOp) {
            SchedOp s = (SchedOp) h;
            return "sched_op " + (s instanceof SchedOp.Unknown ? "cmd=" + ((SchedOp.Unknown) s).cmd() : s.name());
        }
        if (h instanceof Access) return h.kind() + " va=" + va(c, ((Access) h).va());
        if (h instanceof SoftInt) return "softint vector=" + ((SoftInt) h).vector();
        return "hypercall nr=" + ((UnknownHypercall) h).number();
    }

    private static String mmuext(Config c, MmuextOp.Op op) {
        if (op instanceof MmuextOp.Pin) return op.name() + " mfn=" + ((MmuextOp.Pin) op).mfn();
        if (op instanceof MmuextOp.Unpin) return op.name() + " mfn=" + ((MmuextOp.Unpin) op).mfn();
        if (op instanceof MmuextOp.NewBaseptr) return op.name() + " mfn=" + ((MmuextOp.NewBaseptr) op).mfn();
        if (op instanceof MmuextOp.InvlpgLocal) return op.name() + " va=" + va(c, ((MmuextOp.InvlpgLocal) op).va());
        if (op instanceof MmuextOp.InvlpgAll) return op.name() + " va=" + va(c, ((MmuextOp.InvlpgAll) op).va());
        if (op instanceof MmuextOp.ClearPage) return op.name() + " mfn=" + ((MmuextOp.ClearPage) op).mfn();
        if (op instanceof MmuextOp.MarkSuper) return op.name() + " mfn=" + ((MmuextOp.MarkSuper) op).mfn();
        if (op instanceof MmuextOp.UnmarkSuper) return op.name() + " mfn=" + ((MmuextOp.UnmarkSuper) op).mfn();
        if (op instanceof MmuextOp.Unknown) {
            MmuextOp.Unknown u = (MmuextOp.Unknown) op;
            return "cmd=" + u.cmd() + (u.arg() != 0 ? " arg=" + u.arg() : "");
        }
        return op.name();
    }

    private static String eventChannelOp(EventChannelOp h) {
        if (h instanceof EventChannelOp.AllocUnbound) {
            EventChannelOp.AllocUnbound a = (EventChannelOp.AllocUnbound) h;
            return "alloc_unbound dom=" + domid(a.dom()) + " remote_dom=" + domid(a.remoteDom());
        }
        if (h instanceof EventChannelOp.BindInterdomain) {
            EventChannelOp.BindInterdomain b = (EventChannelOp.BindInterdomain) h;
            return "bind_interdomain remote_dom=" + domid(b.remoteDom()) + " remote_port=" + b.remotePort();
        }
        if (h instanceof EventChannelOp.BindVirq) {
            EventChannelOp.BindVirq b = (EventChannelOp.BindVirq) h;
            return "bind_virq virq=" + b.virq() + " vcpu=" + b.vcpu();
        }
        if (h instanceof EventChannelOp.BindIpi) return "bind_ipi vcpu=" + ((EventChannelOp.BindIpi) h).vcpu();
        if (h instanceof EventChannelOp.Close) return "close port=" + ((EventChannelOp.Close) h).port();
        if (h instanceof EventChannelOp.Send) return "send port=" + ((EventChannelOp.Send) h).port();
        if (h instanceof EventChannelOp.Unmask) return "unmask port=" + ((EventChannelOp.Unmask) h).port();
        if (h instanceof EventChannelOp.Status) {
            EventChannelOp.Status s = (EventChannelOp.Status) h;
            return "status dom=" + domid(s.dom()) + " port=" + s.port();
        }
        return "cmd=" + ((EventChannelOp.Unknown) h).cmd();
    }

    private static String grantTableOp(Config c, GrantTableOp h) {
        if (h instanceof GrantTableOp.MapGrantRef) {
            GrantTableOp.MapGrantRef m = (GrantTableOp.MapGrantRef) h;
            return "map_grant_ref dom=" + domid(m.dom()) + " ref=" + m.ref() + " flags=" + names(m.flags() & 0xFFFFFFFFL, TraceParser.GNTMAP_FLAGS, m.flags())
                    + " host_va=" + va(c, m.hostVa());
        }
        if (h instanceof GrantTableOp.UnmapGrantRef) return "unmap_grant_ref handle=" + ((GrantTableOp.UnmapGrantRef) h).handle();
        return "cmd=" + ((GrantTableOp.Unknown) h).cmd();
    }

    private static String memoryOp(MemoryOp h) {
        if (h instanceof MemoryOp.PopulatePhysmap) {
            MemoryOp.PopulatePhysmap p = (MemoryOp.PopulatePhysmap) h;
            return "populate_physmap dom=" + domid(p.dom()) + " count=" + p.count();
        }
        if (h instanceof MemoryOp.DecreaseReservation) {
            MemoryOp.DecreaseReservation d = (MemoryOp.DecreaseReservation) h;
            List<String> m = new ArrayList<>();
            for (long mfn : d.mfns()) m.add(Long.toString(mfn));
            return "decrease_reservation dom=" + domid(d.dom()) + " mfns=" + String.join(",", m);
        }
        return "cmd=" + ((MemoryOp.Unknown) h).cmd();
    }

    private static String domctl(Domctl h) {
        if (h instanceof Domctl.CreateDomain) {
            Domctl.CreateDomain c = (Domctl.CreateDomain) h;
            return "createdomain max_pages=" + c.maxPages() + " vcpus=" + c.vcpus();
        }
        if (h instanceof Domctl.DestroyDomain) return "destroydomain dom=" + domid(((Domctl.DestroyDomain) h).dom());
        if (h instanceof Domctl.PauseDomain) return "pausedomain dom=" + domid(((Domctl.PauseDomain) h).dom());
        if (h instanceof Domctl.UnpauseDomain) return "unpausedomain dom=" + domid(((Domctl.UnpauseDomain) h).dom());
        if (h instanceof Domctl.MaxMem) {
            Domctl.MaxMem m = (Domctl.MaxMem) h;
            return "max_mem dom=" + domid(m.dom()) + " pages=" + m.pages();
        }
        return "cmd=" + ((Domctl.Unknown) h).cmd();
    }

    /** An entry: {@code 0}, {@code mfn:FLAGS} when every set bit is a named flag, or raw hex. */
    public static String pte(long v) {
        if (v == 0) return "0";
        long flags = Pte.flags(v);
        if (flags == 0 || (flags & ~Pte.NAMED_FLAGS) != 0) return "0x" + Long.toHexString(v);
        List<String> names = new ArrayList<>();
        for (PteFlag f : PteFlag.values()) if ((flags & f.mask()) != 0) names.add(f.name());
        return Pte.mfn(v) + ":" + String.join("|", names);
    }

    /** A virtual page: dotted indices when it lies in the address space, a number otherwise. */
    public static String va(Config c, long va) {
        if (!c.canonical(va)) return va < 0 ? Long.toString(va) : "0x" + Long.toHexString(va);
        StringBuilder b = new StringBuilder();
        for (int level = c.levels(); level >= 1; level--) {
            b.append(c.index(va, level));
            if (level > 1) b.append('.');
        }
        return b.toString();
    }

    /** A handler or callback address; 0 ("none") prints as 0. */
    private static String address(Config c, long a) {
        return a == 0 ? "0" : va(c, a);
    }

    private static String uvmFlags(long f) {
        if ((f & ~7L) != 0 || (f & 3) == 3) return Long.toString(f);
        long type = f & 3;
        String t = type == 0 ? "none" : type == 1 ? "tlb_flush" : "invlpg";
        if ((f & 4) != 0) return t + "|all";
        return type == 0 ? t : t + "|local";
    }

    private static String names(long bits, Map<String, Long> names, long raw) {
        if (bits == 0 || raw < 0) return Long.toString(raw);
        List<String> out = new ArrayList<>();
        long rest = bits;
        for (Map.Entry<String, Long> e : names.entrySet()) {
            if ((bits & e.getValue()) != 0) {
                out.add(e.getKey());
                rest &= ~e.getValue();
            }
        }
        return rest == 0 ? String.join("|", out) : Long.toString(raw);
    }

    private static String domid(int d) {
        return d == DomId.DOMID_SELF ? "self" : Integer.toString(d);
    }

    private static String hex(int v) {
        return v >= 0 ? "0x" + Integer.toHexString(v) : Integer.toString(v);
    }
}
