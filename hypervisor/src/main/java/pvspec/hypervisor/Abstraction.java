package pvspec.hypervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePMap;
import org.pcollections.TreePVector;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Callbacks;
import pvspec.model.state.DescriptorTables;
import pvspec.model.state.Segments;
import pvspec.model.state.Domain;
import pvspec.model.state.Relinquish;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.Maptrack;
import pvspec.model.state.PageType;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.TrapBounce;
import pvspec.model.state.Vcpu;
import pvspec.model.state.Words;

/** The refinement mapping: the model {@link State} a hypervisor state represents. Caller holds every lock. */
final class Abstraction {
    private Abstraction() {}

    private static final PageType[] TYPES = PageType.values();
    private static final Lifecycle[] LIVES = Lifecycle.values();
    private static final Relinquish[] STAGES = Relinquish.values(); // Dom.PROG_* in the same order

    static State of(Hypervisor hv) {
        FrameTable ft = hv.ft;
        List<Frame> frames = new ArrayList<>(ft.frames);
        Words zero = Words.zero(ft.entries);
        for (int mfn = 0; mfn < ft.frames; mfn++) {
            long ci = ft.countInfo.get(mfn);
            long ti = ft.typeInfo.get(mfn);
            long[] c = ft.contents[mfn];
            Words w = c == null ? zero : Words.of(c);
            frames.add(new Frame(ft.owner[mfn], TYPES[FrameTable.type(ti)], FrameTable.typeCount(ti), FrameTable.count(ci),
                    FrameTable.pinned(ti), FrameTable.allocated(ci), ft.linear[mfn], ft.dataTag[mfn], w,
                    FrameTable.partial(ti), FrameTable.partial(ti) ? FrameTable.nrValidated(ti) : 0, FrameTable.partialSet(ti)));
        }
        PMap<Integer, Domain> domains = IntTreePMap.empty();
        for (Dom d : hv.doms) if (d != null) domains = domains.plus(d.id, domain(d));
        return new State(hv.config, TreePVector.from(frames), domains);
    }

    private static Domain domain(Dom d) {
        List<Vcpu> vcpus = new ArrayList<>();
        for (int v = 0; v < d.nvcpus; v++) {
            TreeMap<Long, TlbEntry> tlb = new TreeMap<>();
            long[] keys = d.tlb[v].keySlots();
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] < 0) continue;
                long val = d.tlb[v].valueAt(i);
                tlb.put(keys[i], new TlbEntry(Tlb.mfn(val), Tlb.writable(val)));
            }
            PMap<Integer, TrapInfo> traps = IntTreePMap.empty();
            for (int x = 0; x < Dom.VECTORS; x++) if (d.traps[v][x] != null) traps = traps.plus(x, (TrapInfo) d.traps[v][x]);
            long[] cb = d.callbacks[v];
            vcpus.add(new Vcpu(d.baseptr[v], d.blocked(v), d.upcallPending(v), TreePMap.from(tlb),
                    Optional.ofNullable((TrapBounce) d.lastTrap[v]), d.userBaseptr[v], d.userMode(v), traps,
                    new Callbacks(cb[Dom.CB_EVENT], cb[Dom.CB_FAILSAFE], cb[Dom.CB_SYSCALL], cb[Dom.CB_SYSCALL32], cb[Dom.CB_SYSENTER], (int) cb[Dom.CB_MASKS]),
                    descriptors(d.descTables[v]), d.oldGuestTable[v], segments(d.segs[v])));
        }
        List<Port> ports = new ArrayList<>();
        for (long w : d.ports) ports.add(port(w));
        List<GrantEntry> grants = new ArrayList<>();
        for (int r = 0; r < d.grantEntries(); r++) grants.add(new GrantEntry(d.grantFlags[r], d.grantDomid[r], d.grantFrame[r]));
        PMap<Integer, Maptrack> maptrack = IntTreePMap.empty();
        for (int h = 0; h < d.maptrack.length; h++) {
            GrantMap m = d.maptrack[h];
            if (m != null) maptrack = maptrack.plus(h, new Maptrack(m.dom, m.ref, m.frame, m.flags));
        }
        return new Domain(d.id, d.privileged, LIVES[d.life()], (int) d.vars[Dom.PAUSED], d.vars[Dom.MAX_PAGES],
                TreePVector.from(vcpus),
                TreePVector.from(ports), TreePVector.from(grants), maptrack, d.vars[Dom.VM_ASSIST],
                STAGES[(int) d.vars[Dom.REL_PRIV]], (int) d.vars[Dom.REL_NEXT], (int) d.vars[Dom.GRANT_VERSION]);
    }

    private static Segments segments(long[] sg) {
        return new Segments(sg[Dom.SG_KERNEL_SS], sg[Dom.SG_KERNEL_SP], sg[Dom.SG_FS], sg[Dom.SG_GS_KERNEL], sg[Dom.SG_GS_USER], sg[Dom.SG_GS_USER_SEL]);
    }

    private static DescriptorTables descriptors(long[] dt) {
        List<Long> frames = new ArrayList<>();
        for (int i = 0; i < dt[Dom.DT_GDT_FRAMES]; i++) frames.add(dt[Dom.DT_FRAME0 + i]);
        return new DescriptorTables(TreePVector.from(frames), (int) dt[Dom.DT_GDT_ENTS], dt[Dom.DT_LDT_BASE], (int) dt[Dom.DT_LDT_ENTS]);
    }

    private static Port port(long w) {
        PortState s;
        switch (Evtchn.state(w)) {
            case Evtchn.ECS_RESERVED: s = PortState.RESERVED; break;
            case Evtchn.ECS_UNBOUND: s = new PortState.Unbound(Evtchn.a(w)); break;
            case Evtchn.ECS_INTERDOMAIN: s = new PortState.Interdomain(Evtchn.a(w), Evtchn.b(w)); break;
            case Evtchn.ECS_VIRQ: s = new PortState.Virq(Evtchn.a(w)); break;
            case Evtchn.ECS_IPI: s = PortState.IPI; break;
            default: s = PortState.FREE; break;
        }
        return new Port(s, Evtchn.pending(w), Evtchn.masked(w), Evtchn.notify(w));
    }
}
