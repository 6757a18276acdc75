package pvspec.verification.jpf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.TreePMap;
import org.pcollections.TreePVector;
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
 * Rebuilds a model {@link State} from scratch in one canonical object layout, so that equal
 * states are equal object graphs. Java PathFinder matches states by their heap, and a
 * persistent collection's shape (or which {@code Words} instances two frames happen to share)
 * depends on the history that built it; without this, JPF would count one model state several
 * times. JPF-safe: accessors and constructors only.
 *
 * <p>Shared instances stay shared ({@code Words.zero}, the {@code PortState} singletons, empty
 * collections); everything else is fresh.
 */
public final class Canon {
    private Canon() {}

    public static State of(State s) {
        List<Frame> frames = new ArrayList<>(s.frames().size());
        for (int mfn = 0; mfn < s.frames().size(); mfn++) frames.add(frame(s.frame(mfn)));
        PMap<Integer, Domain> domains = IntTreePMap.empty();
        for (int id : StateDigest.keys(s.domains())) domains = domains.plus(id, domain(s.domains().get(id)));
        return new State(s.config(), TreePVector.from(frames), settle(domains));
    }

    /**
     * Creates a map's lazily cached views ({@code AbstractMap} keeps {@code keySet()} and
     * {@code values()} in fields once asked for): otherwise one state's heap differs from an
     * equal state's by whether some step happened to ask.
     */
    private static <M extends Map<?, ?>> M settle(M m) {
        m.keySet();
        m.values();
        m.entrySet();
        return m;
    }

    private static Frame frame(Frame f) {
        Words w = f.contents().isZero() ? Words.zero(f.contents().size()) : Words.of(f.contents().toArray());
        return new Frame(f.owner(), f.type(), f.typeCount(), f.count(), f.pinned(), f.allocated(), f.linearCount(), f.dataTag(), w, f.partial(), f.nrValidated());
    }

    private static Domain domain(Domain d) {
        List<Vcpu> vcpus = new ArrayList<>();
        for (int v = 0; v < d.vcpus().size(); v++) vcpus.add(vcpu(d.vcpu(v)));
        List<Port> ports = new ArrayList<>();
        for (int p = 0; p < d.ports().size(); p++) {
            Port x = d.port(p);
            ports.add(new Port(portState(x.state()), x.pending(), x.masked(), x.notifyVcpu()));
        }
        List<GrantEntry> grants = new ArrayList<>();
        for (int r = 0; r < d.grants().size(); r++) {
            GrantEntry g = d.grants().get(r);
            grants.add(new GrantEntry(g.flags(), g.domid(), g.frame()));
        }
        PMap<Integer, Maptrack> maptrack = IntTreePMap.empty();
        for (int h : StateDigest.keys(d.maptrack())) {
            Maptrack m = d.maptrack().get(h);
            maptrack = maptrack.plus(h, new Maptrack(m.dom(), m.ref(), m.frame(), m.flags()));
        }
        return new Domain(d.id(), d.privileged(), d.life(), d.pauseCount(), d.maxPages(), TreePVector.from(vcpus),
                TreePVector.from(ports), TreePVector.from(grants), settle(maptrack), d.vmAssist());
    }

    private static Vcpu vcpu(Vcpu v) {
        TreeMap<Long, TlbEntry> tlb = new TreeMap<>();
        for (Map.Entry<Long, TlbEntry> e : v.tlb().entrySet()) {
            tlb.put(Long.valueOf(e.getKey().longValue()), new TlbEntry(e.getValue().mfn(), e.getValue().writable()));
        }
        Optional<TrapBounce> last = Optional.empty();
        if (v.lastTrap().isPresent()) {
            TrapBounce b = v.lastTrap().get();
            last = Optional.of(new TrapBounce(b.vector(), b.software(), b.mode(), trap(b.handler())));
        }
        PMap<Integer, TrapInfo> traps = IntTreePMap.empty();
        for (int vector : StateDigest.keys(v.traps())) traps = traps.plus(vector, trap(v.traps().get(vector)));
        Callbacks cb = v.callbacks();
        return new Vcpu(v.baseptr(), v.blocked(), v.upcallPending(), settle(TreePMap.from(tlb)), last, v.userBaseptr(), v.userMode(), settle(traps),
                new Callbacks(cb.event(), cb.failsafe(), cb.syscall(), cb.syscall32(), cb.sysenter(), cb.masks()),
                descriptors(v.descriptors()), v.oldGuestTable(), segments(v.segments()));
    }

    private static Segments segments(Segments sg) {
        return sg.equals(Segments.NONE) ? Segments.NONE
                : new Segments(sg.kernelSs(), sg.kernelSp(), sg.fsBase(), sg.gsBaseKernel(), sg.gsBaseUser(), sg.gsUserSel());
    }

    private static DescriptorTables descriptors(DescriptorTables dt) {
        List<Long> gdt = new ArrayList<>();
        for (long f : dt.gdtFrames()) gdt.add(Long.valueOf(f));
        return new DescriptorTables(TreePVector.from(gdt), dt.gdtEntries(), dt.ldtBase(), dt.ldtEntries());
    }

    private static TrapInfo trap(TrapInfo t) {
        return new TrapInfo(t.vector(), t.dpl(), t.cs(), t.address());
    }

    private static PortState portState(PortState s) {
        if (s instanceof PortState.Unbound) return new PortState.Unbound(((PortState.Unbound) s).remoteDom());
        if (s instanceof PortState.Interdomain) {
            PortState.Interdomain i = (PortState.Interdomain) s;
            return new PortState.Interdomain(i.remoteDom(), i.remotePort());
        }
        if (s instanceof PortState.Virq) return new PortState.Virq(((PortState.Virq) s).virq());
        if (s instanceof PortState.Ipi) return PortState.IPI;
        if (s instanceof PortState.Reserved) return PortState.RESERVED;
        return PortState.FREE;
    }
}
