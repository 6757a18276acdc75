package pvspec.hypervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import pvspec.model.abi.Mode;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.Maptrack;
import pvspec.model.state.Frame;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;
import pvspec.model.rules.Walks;

/**
 * Model-guided random requests, a mix of valid and invalid: arguments are drawn mostly from what
 * the state makes meaningful (the caller's frames, tables, ports, grants) and sometimes from
 * anywhere (foreign or absent frames, bad flags, bad ids), so that deep states are reached and
 * every refusal is exercised.
 */
final class RandomCalls {
    /** A caller and its request. */
    static final class Call {
        final Caller caller;
        final Hypercall call;

        Call(Caller caller, Hypercall call) {
            this.caller = caller;
            this.call = call;
        }
    }

    private final Random rnd;
    private final Config c;

    RandomCalls(long seed, Config c) {
        this.rnd = new Random(seed);
        this.c = c;
    }

    Call next(State s) {
        Caller caller = caller(s);
        return new Call(caller, request(s, caller));
    }

    private Caller caller(State s) {
        List<Integer> ids = new ArrayList<>(s.domains().keySet());
        int d = rnd.nextInt(50) == 0 ? rnd.nextInt(c.domains() + 1) : ids.get(rnd.nextInt(ids.size()));
        int v = rnd.nextInt(40) == 0 ? c.vcpus() : rnd.nextInt(c.vcpus());
        Mode m = rnd.nextInt(20) == 0 ? Mode.USER : Mode.KERNEL;
        return new Caller(d, v, m);
    }

    private Hypercall request(State s, Caller caller) {
        int me = caller.domain();
        // A kernel installs its trap table first: a fault with no handler crashes the domain
        // (x86_64/entry.S:629-634), and a crashed domain does nothing more.
        Domain d = s.domains().get(me);
        if (d != null && caller.mode() == Mode.KERNEL && d.hasVcpu(caller.vcpu()) && !d.vcpu(caller.vcpu()).traps().containsKey(14) && rnd.nextInt(10) != 0) return handlers();
        int k = rnd.nextInt(100);
        if (me == 0 && k < 12 || k == 99) return domctl(s);
        if (k < 30) return mmuUpdate(s, me);
        if (k < 45) return mmuext(s, me);
        if (k < 50) return new UpdateVaMapping(l1Va(s, caller), pte(s, me), pick(0, 1, 2, 4, 5, 6, 0, 0, 3, 8));
        if (k < 58) return rnd.nextBoolean() ? Access.read(mappedVa(s, caller)) : Access.write(mappedVa(s, caller));
        if (k < 66) return memory(s, me);
        if (k < 78) return evtchn(s, me);
        if (k < 90) return grant(s, me);
        if (k < 95) return traps();
        if (k < 98) return rnd.nextInt(30) == 0 ? new SchedOp.Block() : rnd.nextInt(30) == 0 ? new SchedOp.Shutdown() : new SchedOp.Yield();
        return rnd.nextBoolean() ? new UnknownHypercall(rnd.nextInt(64)) : new SchedOp.Unknown(rnd.nextInt(9));
    }

    // ------------------------------------------------------------ arguments

    private long pick(long... xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    private List<Long> owned(State s, int dom) {
        List<Long> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) if (s.frame(mfn).owner() == dom) out.add((long) mfn);
        return out;
    }

    private List<Long> tables(State s, int dom) {
        List<Long> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (f.owner() == dom && f.isTable()) out.add((long) mfn);
        }
        return out;
    }

    /** A frame number: mostly one of {@code dom}'s, sometimes any, sometimes none at all. */
    private long frame(State s, int dom) {
        List<Long> own = owned(s, dom);
        int k = rnd.nextInt(20);
        if (!own.isEmpty() && k < 15) return own.get(rnd.nextInt(own.size()));
        if (k < 19) return rnd.nextInt(c.frames());
        return rnd.nextBoolean() ? c.frames() + rnd.nextInt(3) : -1;
    }

    private long pte(State s, int dom) {
        if (rnd.nextInt(8) == 0) return 0;
        long mfn = frame(s, dom);
        if (mfn < 0) mfn = 0;
        long v = mfn << 12;
        if (rnd.nextInt(10) != 0) v |= PteFlag.P.mask();
        if (rnd.nextBoolean()) v |= PteFlag.RW.mask();
        if (rnd.nextInt(5) != 0) v |= PteFlag.US.mask();
        if (rnd.nextInt(5) == 0) v |= PteFlag.A.mask();
        if (rnd.nextInt(5) == 0) v |= PteFlag.D.mask();
        if (rnd.nextInt(10) == 0) v |= PteFlag.G.mask();
        if (rnd.nextInt(10) == 0) v |= PteFlag.NX.mask();
        if (rnd.nextInt(10) == 0) v |= PteFlag.AVAIL.mask();
        if (rnd.nextInt(20) == 0) v |= PteFlag.PSE.mask();
        if (rnd.nextInt(40) == 0) v |= PteFlag.GNTTAB.mask();
        if (rnd.nextInt(40) == 0) v |= 1L << (3 + rnd.nextInt(2)); // cache attributes
        return v;
    }

    /** An entry a level-{@code level} table of {@code dom} would accept (if the frame validates). */
    private long fittingPte(State s, int dom, int level) {
        List<Long> fits = new ArrayList<>();
        if (level > 1 && rnd.nextInt(4) == 0) {
            // A linear (same-level) entry: read-only, to a validated table of the same level.
            for (long mfn : owned(s, dom)) if (s.frame((int) mfn).isTable(level)) fits.add(mfn);
            if (!fits.isEmpty()) return fits.get(rnd.nextInt(fits.size())) << 12 | PteFlag.P.mask() | PteFlag.US.mask();
        }
        for (long mfn : owned(s, dom)) {
            Frame f = s.frame((int) mfn);
            boolean ok = level == 1 ? !f.isTable() : f.typeCount() == 0 || f.isTable(level - 1);
            if (ok) fits.add(mfn);
        }
        if (fits.isEmpty()) return pte(s, dom);
        long v = fits.get(rnd.nextInt(fits.size())) << 12 | PteFlag.P.mask() | PteFlag.US.mask();
        if (rnd.nextInt(3) != 0) v |= PteFlag.RW.mask();
        if (rnd.nextInt(4) == 0) v |= PteFlag.A.mask();
        return v;
    }

    private long va() {
        int k = rnd.nextInt(40);
        if (k == 0) return -1 - rnd.nextInt(3);
        if (k == 1) return c.vaPages() + rnd.nextInt(3);
        long v = 0;
        for (int i = 0; i < c.levels(); i++) v = v * c.entries() + (rnd.nextInt(3) == 0 ? rnd.nextInt(c.entries()) : rnd.nextInt(Math.min(2, c.entries())));
        return v;
    }

    /** Mostly an address the caller's vCPU can reach (so accesses succeed and fill the TLB). */
    private long mappedVa(State s, Caller caller) {
        Vcpu v = vcpu(s, caller);
        if (v == null || c.vaPages() > 4096 || rnd.nextInt(5) < 2) return va();
        List<Long> ok = new ArrayList<>();
        for (long va = 0; va < c.vaPages(); va++) if (Walks.translate(s, v, va).isPresent()) ok.add(va);
        return ok.isEmpty() ? va() : ok.get(rnd.nextInt(ok.size()));
    }

    /** Mostly an address whose L1 slot is in a validated L1 of the caller (update_va_mapping, grant maps). */
    private long l1Va(State s, Caller caller) {
        Vcpu v = vcpu(s, caller);
        if (v == null || !v.hasBaseptr() || c.vaPages() > 4096 || rnd.nextInt(5) < 2) return va();
        List<Long> ok = new ArrayList<>();
        for (long va = 0; va < c.vaPages(); va++) {
            long table = v.baseptr();
            boolean good = true;
            for (int level = c.levels(); level > 1 && good; level--) {
                long e = s.frame(table).entry(c.index(va, level));
                good = Pte.present(e) && !Pte.has(e, PteFlag.PSE) && s.validMfn(Pte.mfn(e));
                if (good) table = Pte.mfn(e);
            }
            if (good && s.frame(table).owner() == caller.domain() && s.frame(table).isTable(1)) ok.add(va);
        }
        return ok.isEmpty() ? va() : ok.get(rnd.nextInt(ok.size()));
    }

    private static Vcpu vcpu(State s, Caller caller) {
        Domain d = s.domains().get(caller.domain());
        return d == null || !d.hasVcpu(caller.vcpu()) ? null : d.vcpu(caller.vcpu());
    }

    private int domArg(State s, int me) {
        int k = rnd.nextInt(10);
        if (k < 3) return DomId.DOMID_SELF;
        if (k < 8) {
            List<Integer> ids = new ArrayList<>(s.domains().keySet());
            return ids.get(rnd.nextInt(ids.size()));
        }
        return k == 8 ? me : rnd.nextInt(c.domains() + 2);
    }

    // ------------------------------------------------------------ families

    private Hypercall domctl(State s) {
        int k = rnd.nextInt(12);
        if (k < 5) return new Domctl.CreateDomain(rnd.nextInt(15) == 0 ? -1 : rnd.nextInt(c.frames() / 2 + 1), rnd.nextInt(20) == 0 ? 0 : 1 + rnd.nextInt(c.vcpus()));
        if (k < 7) return new Domctl.DestroyDomain(rnd.nextInt(c.domains() + 1));
        if (k < 8) return new Domctl.PauseDomain(rnd.nextInt(c.domains() + 1));
        if (k < 10) return new Domctl.UnpauseDomain(rnd.nextInt(c.domains() + 1));
        if (k < 11) return new Domctl.MaxMem(rnd.nextInt(c.domains() + 1), rnd.nextInt(c.frames()) - 1);
        return new Domctl.Unknown(rnd.nextInt(99));
    }

    private Hypercall mmuUpdate(State s, int me) {
        int n = 1 + rnd.nextInt(3);
        List<MmuUpdate.Request> rs = new ArrayList<>();
        List<Long> tabs = tables(s, me);
        for (int i = 0; i < n; i++) {
            long table = !tabs.isEmpty() && rnd.nextInt(3) != 0 ? tabs.get(rnd.nextInt(tabs.size())) : frame(s, me);
            long index = rnd.nextInt(30) == 0 ? c.entries() + rnd.nextInt(2) : rnd.nextInt(c.entries());
            boolean isTable = s.validMfn(table) && s.frame(table).isTable();
            long val = isTable && rnd.nextInt(5) < 3 ? fittingPte(s, me, s.frame(table).type().level()) : pte(s, me);
            rs.add(new MmuUpdate.Request(table, index, val));
        }
        int fd = rnd.nextInt(8) == 0 ? domArg(s, me) : DomId.DOMID_SELF;
        return new MmuUpdate(rs, fd);
    }

    private Hypercall mmuext(State s, int me) {
        int n = rnd.nextInt(5) == 0 ? 2 : 1;
        List<MmuextOp.Op> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) ops.add(mmuextOp(s, me));
        return new MmuextOp(ops);
    }

    private MmuextOp.Op mmuextOp(State s, int me) {
        int k = rnd.nextInt(20);
        if (k < 6) return new MmuextOp.Pin(rnd.nextInt(12) == 0 ? rnd.nextInt(6) : 1 + rnd.nextInt(c.levels()), frame(s, me));
        if (k < 9) {
            List<Long> tabs = tables(s, me);
            return new MmuextOp.Unpin(!tabs.isEmpty() && rnd.nextBoolean() ? tabs.get(rnd.nextInt(tabs.size())) : frame(s, me));
        }
        if (k < 12) return new MmuextOp.NewBaseptr(frame(s, me));
        if (k == 12) return new MmuextOp.TlbFlushLocal();
        if (k == 13) return new MmuextOp.InvlpgLocal(va());
        if (k == 14) return new MmuextOp.TlbFlushAll();
        if (k == 15) return new MmuextOp.InvlpgAll(va());
        if (k == 16) return new MmuextOp.ClearPage(frame(s, me));
        if (k == 17) {
            int j = rnd.nextInt(6);
            if (j == 0) return new MmuextOp.FlushCacheGlobal();
            if (j == 1) return new MmuextOp.CopyPage(frame(s, me), frame(s, me));
            if (j == 2) return new MmuextOp.TlbFlushMulti(rnd.nextInt(8));
            if (j == 3) return new MmuextOp.InvlpgMulti(va(), rnd.nextInt(8));
            return new MmuextOp.FlushCache();
        }
        if (k == 18) return rnd.nextBoolean() ? new MmuextOp.MarkSuper(frame(s, me)) : new MmuextOp.UnmarkSuper(frame(s, me));
        return new MmuextOp.Unknown(rnd.nextInt(30), rnd.nextInt(9));
    }

    private Hypercall memory(State s, int me) {
        int k = rnd.nextInt(11);
        if (k == 10) return rnd.nextBoolean() ? new MemoryOp.MaximumReservation(domArg(s, me)) : new MemoryOp.CurrentReservation(domArg(s, me));
        if (k < 5) return new MemoryOp.PopulatePhysmap(domArg(s, me), rnd.nextInt(15) == 0 ? -1 : rnd.nextInt(4));
        if (k < 9) {
            int dom = domArg(s, me);
            int target = dom == DomId.DOMID_SELF ? me : dom;
            List<Long> mfns = new ArrayList<>();
            int n = 1 + rnd.nextInt(2);
            for (int i = 0; i < n; i++) mfns.add(Math.max(0, frame(s, target)));
            return new MemoryOp.DecreaseReservation(dom, mfns);
        }
        return new MemoryOp.Unknown(rnd.nextInt(40));
    }

    private int port(State s, int dom) {
        Domain d = s.domains().get(dom);
        if (d == null || rnd.nextInt(8) == 0) return rnd.nextInt(c.ports() + 2) - 1;
        List<Integer> open = new ArrayList<>();
        for (int p = 0; p < d.ports().size(); p++) if (!d.port(p).isFree()) open.add(p);
        return !open.isEmpty() && rnd.nextInt(4) != 0 ? open.get(rnd.nextInt(open.size())) : rnd.nextInt(c.ports());
    }

    private Hypercall evtchn(State s, int me) {
        int k = rnd.nextInt(15);
        if (k == 13) return new EventChannelOp.BindVcpu(port(s, me), rnd.nextInt(c.vcpus() + 1));
        if (k == 14) return new EventChannelOp.Reset(rnd.nextInt(3) == 0 ? domArg(s, me) : DomId.DOMID_SELF, rnd.nextInt(5) == 0);
        if (k < 2) return new EventChannelOp.AllocUnbound(rnd.nextInt(4) == 0 ? domArg(s, me) : DomId.DOMID_SELF, domArg(s, me));
        if (k < 4) {
            // Prefer a port some domain left unbound for the caller.
            for (Map.Entry<Integer, Domain> e : s.domains().entrySet()) {
                Domain d = e.getValue();
                for (int p = 0; p < d.ports().size(); p++) {
                    PortState st = d.port(p).state();
                    if (st instanceof PortState.Unbound && ((PortState.Unbound) st).remoteDom() == me && rnd.nextInt(3) != 0) {
                        return new EventChannelOp.BindInterdomain(d.id() == me && rnd.nextBoolean() ? DomId.DOMID_SELF : d.id(), p);
                    }
                }
            }
            return new EventChannelOp.BindInterdomain(domArg(s, me), rnd.nextInt(c.ports()));
        }
        if (k == 4) return new EventChannelOp.BindVirq(rnd.nextInt(4) == 0 ? rnd.nextInt(26) : (int) pick(0, 1, 7, 11, 13, 2), rnd.nextInt(c.vcpus() + 1));
        if (k == 5) return new EventChannelOp.BindIpi(rnd.nextInt(c.vcpus() + 1));
        if (k == 6) return new EventChannelOp.Close(port(s, me));
        if (k < 9) return new EventChannelOp.Send(port(s, me));
        if (k == 9) return new EventChannelOp.Unmask(port(s, me));
        if (k == 10) return new EventChannelOp.Status(domArg(s, me), port(s, me));
        if (k == 11) return rnd.nextBoolean() ? new EventChannelWrite.ClearEvtchn(port(s, me)) : new EventChannelWrite.MaskEvtchn(port(s, me));
        return new EventChannelOp.Unknown(rnd.nextInt(20));
    }

    private Hypercall grant(State s, int me) {
        int k = rnd.nextInt(10);
        int ref = rnd.nextInt(12) == 0 ? c.grants() : rnd.nextInt(c.grants());
        if (k < 3) {
            List<Integer> ids = new ArrayList<>(s.domains().keySet());
            return new GrantTableWrite.Grant(ref, ids.get(rnd.nextInt(ids.size())), frame(s, me), rnd.nextInt(3) == 0);
        }
        if (k < 4) return new GrantTableWrite.EndAccess(ref);
        if (k < 7) {
            // Prefer an entry granted to the caller.
            int dom = rnd.nextInt(c.domains() + 1);
            for (Domain d : s.domains().values()) {
                for (int r = 0; r < d.grants().size(); r++) {
                    if (d.grants().get(r).domid() == me && d.grants().get(r).permitsAccess() && rnd.nextInt(2) == 0) {
                        dom = d.id();
                        ref = r;
                    }
                }
            }
            int flags = rnd.nextInt(5) == 0 ? rnd.nextInt(32) : GrantTableOp.GNTMAP_host_map | (rnd.nextBoolean() ? GrantTableOp.GNTMAP_readonly : 0)
                    | (rnd.nextInt(3) == 0 ? GrantTableOp.GNTMAP_device_map : 0);
            return new GrantTableOp.MapGrantRef(dom, ref, flags, l1Va(s, new Caller(me, 0, Mode.KERNEL)));
        }
        if (k < 9) {
            Domain d = s.domains().get(me);
            List<Integer> hs = d == null ? List.of() : new ArrayList<>(d.maptrack().keySet());
            int handle = !hs.isEmpty() && rnd.nextInt(4) != 0 ? hs.get(rnd.nextInt(hs.size())) : rnd.nextInt(c.grants() + 1) - 1;
            long va = l1Va(s, new Caller(me, 0, Mode.KERNEL));
            Maptrack m = d == null ? null : d.maptrack().get(handle);
            long dev = rnd.nextBoolean() ? 0 : m != null && rnd.nextInt(3) != 0 ? m.frame() << 12 : rnd.nextInt(4) << 12;
            if (rnd.nextInt(4) == 0) return new GrantTableOp.UnmapAndReplace(handle, rnd.nextInt(4) == 0 ? 0 : va, l1Va(s, new Caller(me, 0, Mode.KERNEL)));
            return new GrantTableOp.UnmapGrantRef(handle, rnd.nextInt(5) == 0 ? 0 : va, dev);
        }
        // A swap of two of the caller's entries (one maybe beyond the table, maybe mapped), or an unknown command.
        if (rnd.nextBoolean()) return new GrantTableOp.SwapGrantRef(ref, rnd.nextInt(c.grants() + 1));
        return new GrantTableOp.Unknown(rnd.nextInt(20));
    }

    /** The handlers a kernel installs first: #BP, #OF, #GP, #PF. */
    static Hypercall handlers() {
        long address = 1; // canonical in every configuration
        List<TrapInfo> ts = new ArrayList<>();
        for (int vector : new int[] {3, 4, 13, 14}) ts.add(new TrapInfo(vector, 0, 0xe033, address));
        return new SetTrapTable(ts);
    }

    private Hypercall traps() {
        int k = rnd.nextInt(10);
        if (k < 4) {
            List<TrapInfo> ts = new ArrayList<>();
            int n = rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                int vector = (int) (rnd.nextInt(8) == 0 ? rnd.nextInt(300) : pick(13, 14, 128, 3));
                int dpl = rnd.nextInt(10) == 0 ? 4 : rnd.nextInt(4);
                int cs = rnd.nextInt(10) == 0 ? 0x10000 : (int) pick(0xe033, 0xe030, 0x10);
                long address = rnd.nextInt(8) == 0 ? 0 : va();
                ts.add(new TrapInfo(vector, dpl, cs, address));
            }
            return new SetTrapTable(ts);
        }
        if (k < 6) return new SetCallbacks(rnd.nextInt(3) == 0 ? 0 : va(), rnd.nextInt(3) == 0 ? 0 : va());
        return new SoftInt((int) (rnd.nextInt(8) == 0 ? rnd.nextInt(300) - 10 : pick(13, 14, 128, 3, 99)));
    }
}
