package pvspec.checker.store;

import java.util.Optional;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.PVector;
import org.pcollections.TreePMap;
import org.pcollections.TreePVector;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Pte;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Callbacks;
import pvspec.model.state.Segments;
import pvspec.model.state.Config;
import pvspec.model.state.DescriptorTables;
import pvspec.model.state.Domain;
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

/** Reads {@link StateCodec}'s encoding back (tests only): decoding proves the encoding injective. */
final class StateDecoder {
    private final byte[] b;
    private int pos;

    private StateDecoder(byte[] b) {
        this.b = b;
    }

    static State decode(byte[] bytes, Config c) {
        StateDecoder d = new StateDecoder(bytes);
        State s = d.state(c);
        if (d.pos != bytes.length) throw new IllegalStateException("trailing bytes");
        return s;
    }

    private int u8() {
        return b[pos++] & 0xFF;
    }

    private long uvar() {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = u8();
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
        }
    }

    private long svar() {
        long u = uvar();
        return (u >>> 1) ^ -(u & 1);
    }

    private int id() {
        long v = svar();
        return v == -1 ? DomId.DOMID_INVALID : v == -2 ? DomId.DOMID_XEN : (int) v;
    }

    private State state(Config c) {
        PVector<Frame> frames = TreePVector.empty();
        for (int m = 0; m < c.frames(); m++) frames = frames.plus(frame());
        PMap<Integer, Domain> doms = IntTreePMap.empty();
        for (int q = 0; q < c.domains(); q++) if (u8() == 1) doms = doms.plus(q, domain(q));
        long extra = uvar();
        for (long i = 0; i < extra; i++) {
            int id = (int) svar();
            doms = doms.plus(id, domain(id));
        }
        return new State(c, frames, doms);
    }

    private Frame frame() {
        int owner = id();
        int t = u8();
        int nrValidated = (t & 32) != 0 ? (int) uvar() : 0;
        int typeCount = (int) svar();
        int count = (int) svar();
        int linear = (int) svar();
        int tag = id();
        long[] w = new long[(int) uvar()];
        for (int i = 0; i < w.length; i++) w[i] = word();
        return new Frame(owner, PageType.values()[t & 7], typeCount, count, (t & 8) != 0, (t & 16) != 0, linear, tag, Words.of(w),
                (t & 32) != 0, nrValidated);
    }

    private long word() {
        long packed = uvar();
        long flags = packed >>> 1;
        long mfn = (packed & 1) != 0 ? uvar() : 0;
        return (flags & 0xFFF) | (flags >>> 12) << 52 | mfn << Pte.MFN_SHIFT;
    }

    private Domain domain(int id) {
        int f = u8();
        int pauseCount = u8();
        long maxPages = svar();
        PVector<Vcpu> vcpus = TreePVector.empty();
        long nv = uvar();
        for (long i = 0; i < nv; i++) vcpus = vcpus.plus(vcpu());
        PVector<Port> ports = TreePVector.empty();
        long np = uvar();
        for (long i = 0; i < np; i++) ports = ports.plus(port());
        PVector<GrantEntry> grants = TreePVector.empty();
        long ng = uvar();
        for (long i = 0; i < ng; i++) grants = grants.plus(new GrantEntry((int) svar(), (int) svar(), svar()));
        PMap<Integer, Maptrack> mt = IntTreePMap.empty();
        long nm = uvar();
        for (long i = 0; i < nm; i++) {
            int handle = (int) svar();
            mt = mt.plus(handle, new Maptrack((int) svar(), (int) svar(), svar(), (int) svar()));
        }
        long vmAssist = svar();
        return new Domain(id, (f & 1) != 0, Lifecycle.values()[(f >> 1) & 3], pauseCount, maxPages, vcpus,
                ports, grants, mt, vmAssist);
    }

    private Vcpu vcpu() {
        long base = svar();
        int f = u8();
        long user = svar();
        long oldGuestTable = (f & 16) != 0 ? svar() : Vcpu.NO_BASEPTR;
        PSortedMap<Long, TlbEntry> tlb = TreePMap.empty();
        long n = uvar();
        for (long i = 0; i < n; i++) {
            long va = svar();
            tlb = tlb.plus(va, new TlbEntry(svar(), u8() != 0));
        }
        Optional<TrapBounce> last = Optional.empty();
        if ((f & 4) != 0) {
            int vector = (int) svar();
            int g = u8();
            last = Optional.of(new TrapBounce(vector, (g & 1) != 0, Mode.values()[g >> 1], trap()));
        }
        PMap<Integer, TrapInfo> traps = IntTreePMap.empty();
        long nt = uvar();
        for (long i = 0; i < nt; i++) {
            int k = (int) svar();
            traps = traps.plus(k, trap());
        }
        Callbacks cb = new Callbacks(svar(), svar(), svar(), svar(), svar(), u8());
        PVector<Long> gdt = TreePVector.empty();
        long ng = uvar();
        for (long i = 0; i < ng; i++) gdt = gdt.plus(svar());
        DescriptorTables dt = new DescriptorTables(gdt, (int) svar(), svar(), (int) svar());
        Segments sg = (f & 32) != 0 ? new Segments(svar(), svar(), svar(), svar(), svar(), svar()) : Segments.NONE;
        return new Vcpu(base, (f & 1) != 0, (f & 2) != 0, tlb, last, user, (f & 8) != 0, traps, cb, dt, oldGuestTable, sg);
    }

    private TrapInfo trap() {
        return new TrapInfo((int) svar(), (int) svar(), (int) svar(), svar());
    }

    private Port port() {
        int f = u8();
        int tag = f >> 2;
        PortState st;
        switch (tag) {
            case 0: st = PortState.FREE; break;
            case 1: st = PortState.RESERVED; break;
            case 2: st = new PortState.Unbound((int) svar()); break;
            case 3: st = new PortState.Interdomain((int) svar(), (int) svar()); break;
            case 4: st = new PortState.Virq((int) svar()); break;
            default: st = PortState.IPI;
        }
        return new Port(st, (f & 1) != 0, (f & 2) != 0, (int) svar());
    }
}
