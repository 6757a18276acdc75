package pvspec.checker.store;

import java.util.Map;
import java.util.Optional;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Pte;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Callbacks;
import pvspec.model.state.Segments;
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
import pvspec.model.state.TrapBounce;
import pvspec.model.state.Vcpu;

/**
 * Writes a state as a compact byte string, optionally under a {@link Renaming}: the visited set
 * stores these strings (or their 64-bit hashes) instead of state objects.
 *
 * <p>For one configuration the encoding is injective: every field of the state is written, in
 * a fixed order, with self-delimiting varints (a test decodes it back). Under a renaming, the
 * output is the encoding of the renamed state, written directly without building it: frame
 * position {@code p} holds old frame {@code mfnInv(p)}, and every frame number, domain id and
 * grant reference inside is renamed. The configuration itself is not written: one search has one.
 */
public final class StateCodec {
    private StateCodec() {}

    public static byte[] encode(State s) {
        ByteSink out = new ByteSink();
        encode(s, Renaming.IDENTITY, out);
        return out.toArray();
    }

    public static void encode(State s, Renaming r, ByteSink out) {
        out.reset();
        Config c = s.config();
        for (int p = 0; p < c.frames(); p++) frame(s.frame(r.mfnInv(p)), r, c, out);
        int inRange = 0;
        for (int q = 0; q < c.domains(); q++) {
            Domain d = s.domains().get(r.domInv(q));
            if (d == null) {
                out.u8(0);
            } else {
                out.u8(1);
                inRange++;
                domain(d, r, c, out);
            }
        }
        // Domains outside the configured range cannot be created; written anyway, to stay injective.
        out.uvar(s.domains().size() - inRange);
        if (s.domains().size() != inRange) {
            for (Map.Entry<Integer, Domain> e : s.domains().entrySet()) {
                if (e.getKey() >= 0 && e.getKey() < c.domains()) continue;
                out.svar(e.getKey());
                domain(e.getValue(), r, c, out);
            }
        }
    }

    private static void frame(Frame f, Renaming r, Config c, ByteSink out) {
        out.svar(owner(f.owner(), r));
        out.u8(f.type().ordinal() | (f.pinned() ? 8 : 0) | (f.allocated() ? 16 : 0) | (f.partial() ? 32 : 0));
        if (f.partial()) out.uvar(f.nrValidated());
        out.svar(f.typeCount());
        out.svar(f.count());
        out.svar(f.linearCount());
        out.svar(owner(f.dataTag(), r));
        out.uvar(f.contents().size());
        for (int i = 0; i < f.contents().size(); i++) word(f.entry(i), r, c, out);
    }

    /** Owners and data tags: the two reserved ids get short codes. */
    private static long owner(int id, Renaming r) {
        if (id == DomId.DOMID_INVALID) return -1;
        if (id == DomId.DOMID_XEN) return -2;
        return r.dom(id);
    }

    /** A word read as a page-table entry: its frame number is renamed if it names a frame. */
    static void word(long w, Renaming r, Config c, ByteSink out) {
        long mfn = Pte.mfn(w);
        if (mfn < c.frames()) mfn = r.mfn(mfn);
        long rest = w & ~Pte.MFN_MASK;
        long packed = (rest & 0xFFF) | (rest >>> 52) << 12;
        if (mfn == 0) {
            out.uvar(packed << 1);
        } else {
            out.uvar(packed << 1 | 1);
            out.uvar(mfn);
        }
    }

    private static long frameRef(long mfn, Renaming r, Config c) {
        return mfn >= 0 && mfn < c.frames() ? r.mfn(mfn) : mfn;
    }

    private static void domain(Domain d, Renaming r, Config c, ByteSink out) {
        out.u8((d.privileged() ? 1 : 0) | d.life().ordinal() << 1);
        out.u8(d.pauseCount());
        out.svar(d.maxPages());
        int nv = d.vcpus().size();
        out.uvar(nv);
        for (int i = 0; i < nv; i++) vcpu(d.vcpus().get(i), r, c, out);
        int np = d.ports().size();
        out.uvar(np);
        for (int i = 0; i < np; i++) port(d.ports().get(i), r, out);
        int n = d.grants().size();
        out.uvar(n);
        for (int q = 0; q < n; q++) {
            GrantEntry g = d.grants().get(r.refInv(d.id(), q));
            out.svar(g.flags());
            out.svar(r.dom(g.domid()));
            out.svar(frameRef(g.frame(), r, c));
        }
        out.uvar(d.maptrack().size());
        if (!d.maptrack().isEmpty()) for (Map.Entry<Integer, Maptrack> e : d.maptrack().entrySet()) {
            Maptrack m = e.getValue();
            out.svar(e.getKey());
            out.svar(r.dom(m.dom()));
            out.svar(r.ref(m.dom(), m.ref()));
            out.svar(frameRef(m.frame(), r, c));
            out.svar(m.flags());
        }
        out.svar(d.vmAssist());
    }

    private static void vcpu(Vcpu v, Renaming r, Config c, ByteSink out) {
        out.svar(v.hasBaseptr() ? frameRef(v.baseptr(), r, c) : v.baseptr());
        out.u8((v.blocked() ? 1 : 0) | (v.upcallPending() ? 2 : 0) | (v.lastTrap().isPresent() ? 4 : 0) | (v.userMode() ? 8 : 0) | (v.hasOldGuestTable() ? 16 : 0)
                | (v.segments().equals(Segments.NONE) ? 0 : 32));
        out.svar(v.hasUserBaseptr() ? frameRef(v.userBaseptr(), r, c) : v.userBaseptr());
        if (v.hasOldGuestTable()) out.svar(frameRef(v.oldGuestTable(), r, c));
        out.uvar(v.tlb().size());
        if (!v.tlb().isEmpty()) for (Map.Entry<Long, TlbEntry> e : v.tlb().entrySet()) {
            out.svar(e.getKey());
            out.svar(frameRef(e.getValue().mfn(), r, c));
            out.bool(e.getValue().writable());
        }
        Optional<TrapBounce> b = v.lastTrap();
        if (b.isPresent()) {
            out.svar(b.get().vector());
            out.u8((b.get().software() ? 1 : 0) | b.get().mode().ordinal() << 1);
            trap(b.get().handler(), out);
        }
        out.uvar(v.traps().size());
        if (!v.traps().isEmpty()) for (Map.Entry<Integer, TrapInfo> e : v.traps().entrySet()) {
            out.svar(e.getKey());
            trap(e.getValue(), out);
        }
        Callbacks cb = v.callbacks();
        out.svar(cb.event());
        out.svar(cb.failsafe());
        out.svar(cb.syscall());
        out.svar(cb.syscall32());
        out.svar(cb.sysenter());
        out.u8(cb.masks());
        DescriptorTables dt = v.descriptors();
        out.uvar(dt.gdtFrames().size());
        for (long f : dt.gdtFrames()) out.svar(frameRef(f, r, c));
        out.svar(dt.gdtEntries());
        out.svar(dt.ldtBase());
        out.svar(dt.ldtEntries());
        Segments sg = v.segments();
        if (!sg.equals(Segments.NONE)) {
            out.svar(sg.kernelSs());
            out.svar(sg.kernelSp());
            out.svar(sg.fsBase());
            out.svar(sg.gsBaseKernel());
            out.svar(sg.gsBaseUser());
            out.svar(sg.gsUserSel());
        }
    }

    private static void trap(TrapInfo t, ByteSink out) {
        out.svar(t.vector());
        out.svar(t.dpl());
        out.svar(t.cs());
        out.svar(t.address());
    }

    private static void port(Port p, Renaming r, ByteSink out) {
        PortState st = p.state();
        int flags = (p.pending() ? 1 : 0) | (p.masked() ? 2 : 0);
        if (st instanceof PortState.Free) {
            out.u8(flags);
        } else if (st instanceof PortState.Reserved) {
            out.u8(flags | 1 << 2);
        } else if (st instanceof PortState.Unbound) {
            out.u8(flags | 2 << 2);
            out.svar(r.dom(((PortState.Unbound) st).remoteDom()));
        } else if (st instanceof PortState.Interdomain) {
            out.u8(flags | 3 << 2);
            out.svar(r.dom(((PortState.Interdomain) st).remoteDom()));
            out.svar(((PortState.Interdomain) st).remotePort());
        } else if (st instanceof PortState.Virq) {
            out.u8(flags | 4 << 2);
            out.svar(((PortState.Virq) st).virq());
        } else {
            out.u8(flags | 5 << 2); // Ipi
        }
        out.svar(p.notifyVcpu());
    }
}
