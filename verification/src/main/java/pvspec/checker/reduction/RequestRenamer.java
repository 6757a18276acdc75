package pvspec.checker.reduction;

import java.util.ArrayList;
import java.util.List;
import pvspec.checker.store.Renaming;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.DomainArgs;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.VmAssist;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.StackSwitch;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;

/**
 * A request with every domain id, frame number and grant reference in it renamed. The symmetry
 * reductions are sound only if the request space is closed under their renamings; this is how
 * that is checked.
 */
final class RequestRenamer {
    private final Renaming r;
    private final Config c;

    RequestRenamer(Renaming r, Config c) {
        this.r = r;
        this.c = c;
    }

    Caller caller(Caller x) {
        return new Caller(r.dom(x.domain()), x.vcpu(), x.mode());
    }

    /**
     * The domain ids are renamed as {@link DomainArgs} lists them; frames and grant references
     * here, where every kind says what it renames: adding a kind fails compilation here until it
     * does. Frames and references first, while the request still names the old granter.
     */
    Hypercall call(Caller caller, Hypercall h) {
        return DomainArgs.of(framesAndRefs(caller, h)).renamed(r::dom);
    }

    private Hypercall framesAndRefs(Caller caller, Hypercall h) {
        return h.accept(new Hypercall.Visitor<>() {
            @Override
            public Hypercall mmuUpdate(MmuUpdate u) {
                List<MmuUpdate.Request> rs = new ArrayList<>();
                // A machphys request's value is a guest pfn, not an entry: it names no frame.
                for (MmuUpdate.Request q : u.requests()) rs.add(q.with(mfn(q.mfn()), q.isMachphys() ? q.val() : pte(q.val())));
                return new MmuUpdate(rs, u.foreigndom(), u.preempt());
            }

            @Override
            public Hypercall mmuextOp(MmuextOp x) {
                List<MmuextOp.Op> ops = new ArrayList<>();
                for (MmuextOp.Op op : x.ops()) ops.add(op(op));
                return new MmuextOp(ops, x.foreigndom(), x.preempt());
            }

            @Override public Hypercall updateVaMapping(UpdateVaMapping u) { return u.withVal(pte(u.val())); }
            @Override public Hypercall grantTableOp(GrantTableOp x) { return grantTable(caller, x); }
            @Override public Hypercall grantTableWrite(GrantTableWrite x) { return grantWrite(caller, x); }
            @Override public Hypercall memoryOp(MemoryOp x) { return memory(x); }
            @Override public Hypercall eventChannelOp(EventChannelOp x) { return eventChannel(x); }
            @Override public Hypercall domctl(Domctl x) { return domctlOf(x); }
            // No domain ids, frames or grant references in these (addresses, ports, vectors only).
            @Override public Hypercall setTrapTable(SetTrapTable x) { return x; }
            @Override public Hypercall setCallbacks(SetCallbacks x) { return x; }
            @Override public Hypercall callbackOp(CallbackOp x) { return x; }

            @Override
            public Hypercall setGdt(SetGdt x) {
                List<Long> frames = new ArrayList<>();
                for (long f : x.frames()) frames.add(mfn(f));
                return new SetGdt(frames, x.entries());
            }

            @Override public Hypercall updateDescriptor(UpdateDescriptor x) { return new UpdateDescriptor(mfn(x.mfn()), x.offset(), x.desc()); }
            @Override public Hypercall eventChannelWrite(EventChannelWrite x) { return x; }
            @Override public Hypercall schedOp(SchedOp x) { return x; }
            // A write's value is an L1 entry when Xen emulates it (writable page tables).
            @Override public Hypercall access(Access x) { return new Access(x.write(), x.va(), x.offset(), pte(x.value())); }
            @Override public Hypercall vmAssist(VmAssist x) { return x; }
            @Override public Hypercall stackSwitch(StackSwitch x) { return x; }
            @Override public Hypercall setSegmentBase(SetSegmentBase x) { return x; }
            @Override public Hypercall softInt(SoftInt x) { return x; }
            @Override public Hypercall unknown(UnknownHypercall x) { return x; }
            @Override public Hypercall iret(Iret x) { return x; }

            @Override
            public Hypercall multicall(Multicall m) {
                List<Hypercall> calls = new ArrayList<>();
                for (Hypercall e : m.calls()) calls.add(framesAndRefs(caller, e));
                return new Multicall(calls);
            }
        });
    }

    /** Domain ids (renamed by {@link DomainArgs}), ports and vCPUs only: nothing to rename here, but each kind says so. */
    private static Hypercall eventChannel(EventChannelOp h) {
        return h.accept(new EventChannelOp.Visitor<>() {
            @Override public Hypercall allocUnbound(EventChannelOp.AllocUnbound x) { return x; }
            @Override public Hypercall bindInterdomain(EventChannelOp.BindInterdomain x) { return x; }
            @Override public Hypercall status(EventChannelOp.Status x) { return x; }
            @Override public Hypercall reset(EventChannelOp.Reset x) { return x; }
            @Override public Hypercall bindVcpu(EventChannelOp.BindVcpu x) { return x; }
            @Override public Hypercall bindVirq(EventChannelOp.BindVirq x) { return x; }
            @Override public Hypercall bindIpi(EventChannelOp.BindIpi x) { return x; }
            @Override public Hypercall close(EventChannelOp.Close x) { return x; }
            @Override public Hypercall send(EventChannelOp.Send x) { return x; }
            @Override public Hypercall unmask(EventChannelOp.Unmask x) { return x; }
            @Override public Hypercall unknown(EventChannelOp.Unknown x) { return x; }
        });
    }

    private Hypercall grantTable(Caller caller, GrantTableOp h) {
        return h.accept(new GrantTableOp.Visitor<>() {
            @Override
            public Hypercall mapGrantRef(GrantTableOp.MapGrantRef m) {
                boolean pte = (m.flags() & GrantTableOp.GNTMAP_contains_pte) != 0;
                return new GrantTableOp.MapGrantRef(m.dom(), r.ref(DomId.resolve(m.dom(), caller), m.ref()), m.flags(), pte ? entryAddress(m.hostVa()) : m.hostVa());
            }

            // A handle is the caller's own name. A host address beyond the address space can only
            // name an entry by machine address (contains_pte); the device address names a frame.
            @Override
            public Hypercall unmapGrantRef(GrantTableOp.UnmapGrantRef x) {
                return new GrantTableOp.UnmapGrantRef(x.handle(), hostAddress(x.hostVa()), x.devBusAddr() == 0 ? 0 : entryAddress(x.devBusAddr()));
            }

            @Override
            public Hypercall unmapAndReplace(GrantTableOp.UnmapAndReplace x) {
                return new GrantTableOp.UnmapAndReplace(x.handle(), hostAddress(x.hostVa()), x.newVa());
            }

            /** The caller's frame, and a reference of the receiver's table. */
            @Override
            public Hypercall transfer(GrantTableOp.Transfer x) {
                return new GrantTableOp.Transfer(mfn(x.mfn()), x.domid(), r.ref(DomId.resolve(x.domid(), caller), x.ref()));
            }
            @Override public Hypercall unknown(GrantTableOp.Unknown x) { return x; }
            @Override public Hypercall setupTable(GrantTableOp.SetupTable x) { return x; }
            @Override public Hypercall querySize(GrantTableOp.QuerySize x) { return x; }

            // Each side is a grant reference of its domain or a frame.
            @Override
            public Hypercall copy(GrantTableOp.Copy x) {
                long source = x.sourceGref() ? ref(DomId.resolve(x.sourceDom(), caller), x.source()) : mfn(x.source());
                long dest = x.destGref() ? ref(DomId.resolve(x.destDom(), caller), x.dest()) : mfn(x.dest());
                return new GrantTableOp.Copy(x.flags(), source, x.sourceDom(), x.sourceOffset(), dest, x.destDom(), x.destOffset(), x.len());
            }
            @Override public Hypercall setVersion(GrantTableOp.SetVersion x) { return x; }
            @Override public Hypercall getVersion(GrantTableOp.GetVersion x) { return x; }
            @Override public Hypercall getStatusFrames(GrantTableOp.GetStatusFrames x) { return x; }

            /** Two references of the caller's own table. */
            @Override
            public Hypercall swapGrantRef(GrantTableOp.SwapGrantRef x) {
                return new GrantTableOp.SwapGrantRef(r.ref(caller.domain(), x.refA()), r.ref(caller.domain(), x.refB()));
            }
        });
    }

    /** A copy's reference (a {@code grant_ref_t} in a 64-bit union): renamed when it is one the renaming knows. */
    private long ref(int granter, long ref) {
        return ref >= 0 && ref <= Integer.MAX_VALUE ? r.ref(granter, (int) ref) : ref;
    }

    private Hypercall grantWrite(Caller caller, GrantTableWrite h) {
        return h.accept(new GrantTableWrite.Visitor<>() {
            @Override
            public Hypercall grant(GrantTableWrite.Grant g) {
                return new GrantTableWrite.Grant(r.ref(caller.domain(), g.ref()), g.domid(), mfn(g.frame()), g.readonly());
            }

            @Override public Hypercall endAccess(GrantTableWrite.EndAccess e) { return new GrantTableWrite.EndAccess(r.ref(caller.domain(), e.ref())); }
            @Override public Hypercall acceptTransfer(GrantTableWrite.AcceptTransfer a) { return new GrantTableWrite.AcceptTransfer(r.ref(caller.domain(), a.ref()), a.domid()); }
        });
    }

    private Hypercall memory(MemoryOp h) {
        return h.accept(new MemoryOp.Visitor<>() {
            @Override public Hypercall populatePhysmap(MemoryOp.PopulatePhysmap p) { return p; }
            @Override public Hypercall maximumReservation(MemoryOp.MaximumReservation m) { return m; }
            @Override public Hypercall currentReservation(MemoryOp.CurrentReservation m) { return m; }

            @Override
            public Hypercall decreaseReservation(MemoryOp.DecreaseReservation d) {
                List<Long> ms = new ArrayList<>();
                for (long m : d.mfns()) ms.add(mfn(m));
                return new MemoryOp.DecreaseReservation(d.dom(), ms);
            }

            @Override
            public Hypercall exchange(MemoryOp.Exchange x) {
                // Exact for order-0 extents; an exchange frees frames, so no symmetry renames it anyway (FreesResources).
                List<Long> ms = new ArrayList<>();
                for (long m : x.in()) ms.add(mfn(m));
                return new MemoryOp.Exchange(x.dom(), ms, x.inOrder(), x.outNrExtents(), x.outOrder(), x.outDom(), x.nrExchanged());
            }

            @Override public Hypercall unknown(MemoryOp.Unknown x) { return x; }
        });
    }

    /** Domain ids (renamed by {@link DomainArgs}) and sizes only: nothing to rename here, but each kind says so. */
    private static Hypercall domctlOf(Domctl h) {
        return h.accept(new Domctl.Visitor<>() {
            @Override public Hypercall createDomain(Domctl.CreateDomain x) { return x; }
            @Override public Hypercall destroyDomain(Domctl.DestroyDomain x) { return x; }
            @Override public Hypercall pauseDomain(Domctl.PauseDomain x) { return x; }
            @Override public Hypercall unpauseDomain(Domctl.UnpauseDomain x) { return x; }
            @Override public Hypercall maxMem(Domctl.MaxMem x) { return x; }
            @Override public Hypercall unknown(Domctl.Unknown x) { return x; }
        });
    }

    private MmuextOp.Op op(MmuextOp.Op op) {
        return op.accept(new MmuextOp.Op.Visitor<>() {
            @Override public MmuextOp.Op pin(MmuextOp.Pin p) { return new MmuextOp.Pin(p.level(), mfn(p.mfn())); }
            @Override public MmuextOp.Op unpin(MmuextOp.Unpin x) { return new MmuextOp.Unpin(mfn(x.mfn())); }
            @Override public MmuextOp.Op newBaseptr(MmuextOp.NewBaseptr x) { return new MmuextOp.NewBaseptr(mfn(x.mfn())); }
            // mfn 0 means "clear" (mm.c:3707), not frame 0: never renamed.
            @Override public MmuextOp.Op newUserBaseptr(MmuextOp.NewUserBaseptr x) { return new MmuextOp.NewUserBaseptr(x.mfn() == 0 ? 0 : mfn(x.mfn())); }
            @Override public MmuextOp.Op clearPage(MmuextOp.ClearPage x) { return new MmuextOp.ClearPage(mfn(x.mfn())); }
            @Override public MmuextOp.Op copyPage(MmuextOp.CopyPage x) { return new MmuextOp.CopyPage(mfn(x.mfn()), mfn(x.srcMfn())); }
            @Override public MmuextOp.Op setLdt(MmuextOp.SetLdt x) { return x; }
            @Override public MmuextOp.Op markSuper(MmuextOp.MarkSuper x) { return new MmuextOp.MarkSuper(mfn(x.mfn())); }
            @Override public MmuextOp.Op unmarkSuper(MmuextOp.UnmarkSuper x) { return new MmuextOp.UnmarkSuper(mfn(x.mfn())); }
            // Virtual addresses or nothing.
            @Override public MmuextOp.Op tlbFlushLocal(MmuextOp.TlbFlushLocal x) { return x; }
            @Override public MmuextOp.Op invlpgLocal(MmuextOp.InvlpgLocal x) { return x; }
            @Override public MmuextOp.Op tlbFlushAll(MmuextOp.TlbFlushAll x) { return x; }
            @Override public MmuextOp.Op invlpgAll(MmuextOp.InvlpgAll x) { return x; }
            @Override public MmuextOp.Op flushCache(MmuextOp.FlushCache x) { return x; }
            @Override public MmuextOp.Op flushCacheGlobal(MmuextOp.FlushCacheGlobal x) { return x; }
            // A vCPU mask names the caller's own vCPUs.
            @Override public MmuextOp.Op tlbFlushMulti(MmuextOp.TlbFlushMulti x) { return x; }
            @Override public MmuextOp.Op invlpgMulti(MmuextOp.InvlpgMulti x) { return x; }
            // An unknown command's argument means nothing: the rules refuse it whatever it is.
            @Override public MmuextOp.Op unknown(MmuextOp.Unknown x) { return x; }
        });
    }

    /** A machine address: its frame renamed, its offset kept. */
    private long entryAddress(long addr) {
        return addr < 0 ? addr : mfn(addr >>> 12) << 12 | (addr & 0xFFF);
    }

    /** An unmap's host address: a virtual page, or beyond the address space an entry's machine address. */
    private long hostAddress(long addr) {
        return c.canonical(addr) ? addr : entryAddress(addr);
    }

    private long mfn(long m) {
        return m >= 0 && m < c.frames() ? r.mfn(m) : m;
    }

    private long pte(long w) {
        long m = Pte.mfn(w);
        return m < c.frames() ? (w & ~Pte.MFN_MASK) | (r.mfn(m) << Pte.MFN_SHIFT) : w;
    }
}
