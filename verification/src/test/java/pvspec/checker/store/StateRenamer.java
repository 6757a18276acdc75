package pvspec.checker.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.PVector;
import org.pcollections.TreePMap;
import org.pcollections.TreePVector;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Pte;
import pvspec.model.state.Config;
import pvspec.model.state.DescriptorTables;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;
import pvspec.model.state.Words;

/**
 * Builds the renamed state itself (tests only), written independently of {@link StateCodec}'s
 * renaming so that each checks the other.
 */
public final class StateRenamer {
    private StateRenamer() {}

    public static State rename(State s, Renaming r) {
        Config c = s.config();
        Frame[] frames = new Frame[c.frames()];
        for (int m = 0; m < c.frames(); m++) frames[(int) r.mfn(m)] = frame(s.frame(m), r, c);
        PVector<Frame> fv = TreePVector.empty();
        for (Frame f : frames) fv = fv.plus(f);
        PMap<Integer, Domain> doms = IntTreePMap.empty();
        for (Map.Entry<Integer, Domain> e : s.domains().entrySet()) doms = doms.plus(r.dom(e.getKey()), domain(e.getValue(), r, c));
        return new State(c, fv, doms);
    }

    private static int id(int d, Renaming r) {
        return d == DomId.DOMID_INVALID || d == DomId.DOMID_XEN ? d : r.dom(d);
    }

    private static long mfn(long m, Renaming r, Config c) {
        return m >= 0 && m < c.frames() ? r.mfn(m) : m;
    }

    private static long word(long w, Renaming r, Config c) {
        long m = Pte.mfn(w);
        return m < c.frames() ? (w & ~Pte.MFN_MASK) | r.mfn(m) << Pte.MFN_SHIFT : w;
    }

    private static Frame frame(Frame f, Renaming r, Config c) {
        long[] w = f.contents().toArray();
        for (int i = 0; i < w.length; i++) w[i] = word(w[i], r, c);
        return new Frame(id(f.owner(), r), f.type(), f.typeCount(), f.count(), f.pinned(), f.allocated(), f.linearCount(),
                id(f.dataTag(), r), Words.of(w), f.partial(), f.nrValidated());
    }

    private static DescriptorTables descriptors(DescriptorTables dt, Renaming r, Config c) {
        PVector<Long> gdt = TreePVector.empty();
        for (long f : dt.gdtFrames()) gdt = gdt.plus(mfn(f, r, c));
        return new DescriptorTables(gdt, dt.gdtEntries(), dt.ldtBase(), dt.ldtEntries());
    }

    private static Domain domain(Domain d, Renaming r, Config c) {
        PVector<Vcpu> vs = TreePVector.empty();
        for (Vcpu v : d.vcpus()) {
            PSortedMap<Long, TlbEntry> tlb = TreePMap.empty();
            for (Map.Entry<Long, TlbEntry> e : v.tlb().entrySet()) tlb = tlb.plus(e.getKey(), new TlbEntry(mfn(e.getValue().mfn(), r, c), e.getValue().writable()));
            vs = vs.plus(new Vcpu(v.hasBaseptr() ? mfn(v.baseptr(), r, c) : v.baseptr(), v.blocked(), v.upcallPending(), tlb, v.lastTrap(),
                    v.hasUserBaseptr() ? mfn(v.userBaseptr(), r, c) : v.userBaseptr(), v.userMode(), v.traps(), v.callbacks(),
                    descriptors(v.descriptors(), r, c), v.hasOldGuestTable() ? mfn(v.oldGuestTable(), r, c) : v.oldGuestTable(), v.segments()));
        }
        PVector<Port> ports = TreePVector.empty();
        for (Port p : d.ports()) {
            PortState st = p.state();
            if (st instanceof PortState.Unbound) st = new PortState.Unbound(r.dom(((PortState.Unbound) st).remoteDom()));
            if (st instanceof PortState.Interdomain) {
                PortState.Interdomain i = (PortState.Interdomain) st;
                st = new PortState.Interdomain(r.dom(i.remoteDom()), i.remotePort());
            }
            ports = ports.plus(new Port(st, p.pending(), p.masked(), p.notifyVcpu()));
        }
        List<GrantEntry> grants = new ArrayList<>();
        for (int i = 0; i < d.grants().size(); i++) grants.add(null);
        for (int ref = 0; ref < d.grants().size(); ref++) {
            GrantEntry g = d.grants().get(ref);
            grants.set(r.ref(d.id(), ref), new GrantEntry(g.flags(), r.dom(g.domid()), mfn(g.frame(), r, c)));
        }
        PMap<Integer, Maptrack> mt = IntTreePMap.empty();
        for (Map.Entry<Integer, Maptrack> e : d.maptrack().entrySet()) {
            Maptrack m = e.getValue();
            mt = mt.plus(e.getKey(), new Maptrack(r.dom(m.dom()), r.ref(m.dom(), m.ref()), mfn(m.frame(), r, c), m.flags()));
        }
        return new Domain(r.dom(d.id()), d.privileged(), d.life(), d.pauseCount(), d.maxPages(), vs, ports, TreePVector.from(grants), mt,
                d.vmAssist());
    }
}
