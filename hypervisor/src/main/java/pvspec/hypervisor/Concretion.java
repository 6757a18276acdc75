package pvspec.hypervisor;

import java.util.Map;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Callbacks;
import pvspec.model.state.DescriptorTables;
import pvspec.model.state.Segments;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * The inverse of {@link Abstraction}: a hypervisor in the state a model state describes, with
 * the derived bookkeeping (heap, per-domain totals, active grant counts, upcall sources, TLB
 * holders) recomputed.
 */
final class Concretion {
    private Concretion() {}

    static Hypervisor of(State s, Checks checks) {
        Hypervisor hv = new Hypervisor(s.config(), checks);
        FrameTable ft = hv.ft;
        for (Domain d : s.domains().values()) hv.doms[d.id()] = domain(hv, d);
        for (int mfn = 0; mfn < ft.frames; mfn++) {
            Frame f = s.frame(mfn);
            ft.owner[mfn] = f.owner();
            ft.countInfo.set(mfn, FrameTable.countInfo(f.count(), f.allocated()));
            long ti = FrameTable.rawTypeInfo(f.type().ordinal(), f.typeCount(), f.pinned());
            ft.typeInfo.set(mfn, f.partial() ? FrameTable.partialTypeInfo(f.type().ordinal(), f.nrValidated(), f.pinned(), f.partialSet()) | ti : ti);
            ft.linear[mfn] = f.linearCount();
            ft.dataTag[mfn] = f.dataTag();
            ft.contents[mfn] = f.contents().isZero() ? null : f.contents().toArray();
            if (f.isFree()) hv.heap.give(mfn);
            Dom owner = f.owner() >= 0 && f.owner() < hv.nslots ? hv.doms[f.owner()] : null;
            if (owner != null) {
                owner.vars[Dom.OWNED]++;
                if (f.allocated()) owner.vars[Dom.TOT_PAGES]++;
            }
        }
        for (Domain d : s.domains().values()) {
            for (Maptrack m : d.maptrack().values()) {
                Dom g = m.dom() >= 0 && m.dom() < hv.nslots ? hv.doms[m.dom()] : null;
                if (g == null || m.ref() < 0 || m.ref() >= g.grantMaps.length) continue;
                g.grantMaps[m.ref()]++;
                if (!m.readonly()) g.grantWriteMaps[m.ref()]++;
            }
        }
        return hv;
    }

    private static Dom domain(Hypervisor hv, Domain d) {
        Dom x = new Dom(hv, d.id(), d.privileged(), d.maxPages(), d.vcpus().size());
        x.vars[Dom.LIFE] = d.life().ordinal();
        x.vars[Dom.REL_PRIV] = d.relinquish().ordinal();
        x.vars[Dom.REL_NEXT] = d.relinquishNext();
        x.vars[Dom.PAUSED] = d.pauseCount();
        x.vars[Dom.VM_ASSIST] = d.vmAssist();
        x.vars[Dom.GRANT_VERSION] = d.grantVersion();
        x.vars[Dom.GRANT_FRAMES] = Math.max(1, d.grants().size() / hv.config.grantsPerFrame(d.grantVersion()));
        for (int v = 0; v < x.nvcpus; v++) {
            Vcpu vc = d.vcpu(v);
            x.baseptr[v] = vc.baseptr();
            x.oldGuestTable[v] = vc.oldGuestTable();
            x.userBaseptr[v] = vc.userBaseptr();
            x.vflags[v] = (vc.blocked() ? Dom.BLOCKED : 0) | (vc.upcallPending() ? Dom.UPCALL : 0) | (vc.userMode() ? Dom.USER : 0);
            x.lastTrap[v] = vc.lastTrap().orElse(null);
            for (Map.Entry<Integer, TrapInfo> e : vc.traps().entrySet()) x.traps[v][e.getKey()] = e.getValue();
            Callbacks cb = vc.callbacks();
            long[] xc = x.callbacks[v];
            xc[Dom.CB_EVENT] = cb.event();
            xc[Dom.CB_FAILSAFE] = cb.failsafe();
            xc[Dom.CB_SYSCALL] = cb.syscall();
            xc[Dom.CB_SYSCALL32] = cb.syscall32();
            xc[Dom.CB_SYSENTER] = cb.sysenter();
            xc[Dom.CB_MASKS] = cb.masks();
            Segments sg = vc.segments();
            long[] xs = x.segs[v];
            xs[Dom.SG_KERNEL_SS] = sg.kernelSs();
            xs[Dom.SG_KERNEL_SP] = sg.kernelSp();
            xs[Dom.SG_FS] = sg.fsBase();
            xs[Dom.SG_GS_KERNEL] = sg.gsBaseKernel();
            xs[Dom.SG_GS_USER] = sg.gsBaseUser();
            xs[Dom.SG_GS_USER_SEL] = sg.gsUserSel();
            DescriptorTables dt = vc.descriptors();
            long[] xd = x.descTables[v];
            xd[Dom.DT_GDT_ENTS] = dt.gdtEntries();
            xd[Dom.DT_GDT_FRAMES] = Math.min(dt.gdtFrames().size(), Dom.GDT_FRAMES_MAX);
            for (int i = 0; i < xd[Dom.DT_GDT_FRAMES]; i++) xd[Dom.DT_FRAME0 + i] = dt.gdtFrames().get(i);
            xd[Dom.DT_LDT_BASE] = dt.ldtBase();
            xd[Dom.DT_LDT_ENTS] = dt.ldtEntries();
            for (Map.Entry<Long, TlbEntry> e : vc.tlb().entrySet()) {
                long mfn = e.getValue().mfn();
                x.tlb[v].put(e.getKey(), Tlb.value(mfn, e.getValue().writable()));
                if (hv.ft.valid(mfn)) Journal.orBits(hv.ft.tlbDoms, (int) mfn, 1L << d.id(), true);
            }
        }
        for (int p = 0; p < x.ports.length && p < d.ports().size(); p++) {
            long w = port(d.port(p));
            x.ports[p] = w;
            int v = Evtchn.notify(w);
            if (Evtchn.signals(w) && v < x.nvcpus) x.upcallSources[v]++;
        }
        for (int r = 0; r < x.grantFlags.length && r < d.grants().size(); r++) {
            GrantEntry g = d.grants().get(r);
            x.grantFlags[r] = g.flags();
            x.grantDomid[r] = g.domid();
            x.grantFrame[r] = g.frame();
        }
        for (Map.Entry<Integer, Maptrack> e : d.maptrack().entrySet()) {
            Maptrack m = e.getValue();
            x.maptrack[e.getKey()] = new GrantMap(m.dom(), m.ref(), m.frame(), m.flags());
        }
        return x;
    }

    private static long port(Port p) {
        PortState s = p.state();
        int state = Evtchn.ECS_FREE;
        int a = 0;
        int b = 0;
        if (s instanceof PortState.Reserved) {
            state = Evtchn.ECS_RESERVED;
        } else if (s instanceof PortState.Unbound) {
            state = Evtchn.ECS_UNBOUND;
            a = ((PortState.Unbound) s).remoteDom();
        } else if (s instanceof PortState.Interdomain) {
            state = Evtchn.ECS_INTERDOMAIN;
            a = ((PortState.Interdomain) s).remoteDom();
            b = ((PortState.Interdomain) s).remotePort();
        } else if (s instanceof PortState.Virq) {
            state = Evtchn.ECS_VIRQ;
            a = ((PortState.Virq) s).virq();
        } else if (s instanceof PortState.Ipi) {
            state = Evtchn.ECS_IPI;
        }
        return Evtchn.make(state, a, b, p.pending(), p.masked(), p.notifyVcpu());
    }
}
