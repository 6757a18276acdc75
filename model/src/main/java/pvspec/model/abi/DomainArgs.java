package pvspec.model.abi;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * The domain ids a request names in its arguments, each with the part it plays, and the same
 * request with those ids renamed. This is the one place that says it for every kind: the
 * hypervisor's lock plan, INV-10's test for a foreign request and the checker's symmetry renaming
 * all read it, so a new kind with a domain argument is described here (and fails compilation
 * here until it is), nowhere else.
 *
 * @param args the domain-id arguments, in the order {@code rebuild} takes them
 * @param management whether the request manages domains (every {@code domctl}): only a
 *     privileged caller may make it, whatever domain it names ({@code domctl.c:do_domctl})
 * @param rebuild the request with its domain-id arguments replaced by the given ones
 */
public record DomainArgs(List<Arg> args, boolean management, Function<int[], Hypercall> rebuild) {

    /** What a request does with a domain it names. */
    public enum Role {
        /** The domain it acts on: another one than the caller's needs privilege; Xen locks it. */
        TARGET,
        /** The peer it connects to or maps from, which consented (it offered the port or the grant): locked, no privilege needed. */
        PEER,
        /** An id only stored for later use (who may bind a port, who is granted a frame): neither locked nor checked now. */
        STORED
    }

    /** One domain-id argument: its role and its raw value ({@link DomId#DOMID_SELF} included). */
    public record Arg(Role role, int id) {}

    public DomainArgs {
        args = List.copyOf(args);
    }

    /** The domain-id arguments of {@code h}. */
    public static DomainArgs of(Hypercall h) {
        return h.accept(new Describe());
    }

    /** The request with every domain-id argument {@code d} replaced by {@code f(d)}; the request itself if it names none. */
    public Hypercall renamed(IntUnaryOperator f) {
        int[] ids = new int[args.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = f.applyAsInt(args.get(i).id());
        return rebuild.apply(ids);
    }

    private static DomainArgs none(Hypercall h) {
        return new DomainArgs(List.of(), false, ids -> h);
    }

    private static DomainArgs one(Role role, int id, Function<int[], Hypercall> rebuild) {
        return new DomainArgs(List.of(new Arg(role, id)), false, rebuild);
    }

    private static DomainArgs managing(int dom, Function<int[], Hypercall> rebuild) {
        return new DomainArgs(List.of(new Arg(Role.TARGET, dom)), true, rebuild);
    }

    /**
     * Every kind says; addresses, ports, vCPUs, handles and grant references are not domain ids.
     * The families' visitors are named classes, not anonymous ones: JPF names the class of a
     * lambda {@code Outer$N} (N its bootstrap method's index), which an anonymous {@code Outer$N}
     * of javac's would shadow (the lock plan runs this under JPF).
     */
    private static final class Describe implements Hypercall.Visitor<DomainArgs> {
        @Override
        public DomainArgs mmuUpdate(MmuUpdate h) {
            // The page owner (low 16 bits), and the page-table owner (high 16 bits, plus one) if named.
            if (h.ptDom() == 0) return one(Role.TARGET, h.pgDom(), ids -> h.withForeigndom(MmuUpdate.foreigndom(ids[0], -1)));
            return new DomainArgs(List.of(new Arg(Role.TARGET, h.pgDom()), new Arg(Role.TARGET, h.ptDom() - 1)), false,
                    ids -> h.withForeigndom(MmuUpdate.foreigndom(ids[0], ids[1])));
        }

        @Override public DomainArgs mmuextOp(MmuextOp h) { return one(Role.TARGET, h.foreigndom(), ids -> new MmuextOp(h.ops(), ids[0], h.preempt())); }

        @Override
        public DomainArgs updateVaMapping(UpdateVaMapping h) {
            if (h.otherdomain().isEmpty()) return none(h);
            return one(Role.TARGET, h.otherdomain().getAsInt(), ids -> UpdateVaMapping.otherdomain(h.va(), h.val(), h.flags(), ids[0]));
        }
        @Override public DomainArgs setTrapTable(SetTrapTable h) { return none(h); }
        @Override public DomainArgs setCallbacks(SetCallbacks h) { return none(h); }
        @Override public DomainArgs callbackOp(CallbackOp h) { return none(h); }
        @Override public DomainArgs setGdt(SetGdt h) { return none(h); }
        @Override public DomainArgs updateDescriptor(UpdateDescriptor h) { return none(h); }
        @Override public DomainArgs eventChannelWrite(EventChannelWrite h) { return none(h); }
        @Override public DomainArgs schedOp(SchedOp h) { return none(h); }
        @Override public DomainArgs access(Access h) { return none(h); }
        @Override public DomainArgs softInt(SoftInt h) { return none(h); }
        @Override public DomainArgs unknown(UnknownHypercall h) { return none(h); }
        @Override public DomainArgs iret(Iret h) { return none(h); }

        /**
         * Every entry's arguments, in order (the lock plan and the renaming see them all); the
         * multicall itself manages nothing: INV-10 judges each entry by its own reply.
         */
        @Override
        public DomainArgs multicall(Multicall h) {
            List<DomainArgs> parts = new java.util.ArrayList<>();
            List<Arg> all = new java.util.ArrayList<>();
            for (Hypercall e : h.calls()) {
                DomainArgs p = e.accept(this);
                parts.add(p);
                all.addAll(p.args());
            }
            return new DomainArgs(all, false, ids -> {
                List<Hypercall> calls = new java.util.ArrayList<>();
                int at = 0;
                for (DomainArgs p : parts) {
                    calls.add(p.rebuild().apply(java.util.Arrays.copyOfRange(ids, at, at + p.args().size())));
                    at += p.args().size();
                }
                return new Multicall(calls);
            });
        }
        @Override public DomainArgs vmAssist(VmAssist h) { return none(h); }
        @Override public DomainArgs stackSwitch(StackSwitch h) { return none(h); }
        @Override public DomainArgs setSegmentBase(SetSegmentBase h) { return none(h); }

        @Override
        public DomainArgs eventChannelOp(EventChannelOp h) {
            return h.accept(new EventChannelArgs());
        }

        private static final class EventChannelArgs implements EventChannelOp.Visitor<DomainArgs> {
            @Override
            public DomainArgs allocUnbound(EventChannelOp.AllocUnbound x) {
                return new DomainArgs(List.of(new Arg(Role.TARGET, x.dom()), new Arg(Role.STORED, x.remoteDom())), false,
                        ids -> new EventChannelOp.AllocUnbound(ids[0], ids[1]));
            }

            @Override public DomainArgs bindInterdomain(EventChannelOp.BindInterdomain x) { return one(Role.PEER, x.remoteDom(), ids -> new EventChannelOp.BindInterdomain(ids[0], x.remotePort())); }
            @Override public DomainArgs status(EventChannelOp.Status x) { return one(Role.TARGET, x.dom(), ids -> new EventChannelOp.Status(ids[0], x.port())); }
            // A reset closes the target's ports; the peers it unbinds are found in the state, not named.
            @Override public DomainArgs reset(EventChannelOp.Reset x) { return one(Role.TARGET, x.dom(), ids -> new EventChannelOp.Reset(ids[0], x.cont())); }
            @Override public DomainArgs bindVcpu(EventChannelOp.BindVcpu x) { return none(x); }
            @Override public DomainArgs bindVirq(EventChannelOp.BindVirq x) { return none(x); }
            @Override public DomainArgs bindIpi(EventChannelOp.BindIpi x) { return none(x); }
            @Override public DomainArgs close(EventChannelOp.Close x) { return none(x); }
            @Override public DomainArgs send(EventChannelOp.Send x) { return none(x); }
            @Override public DomainArgs unmask(EventChannelOp.Unmask x) { return none(x); }
            @Override public DomainArgs unknown(EventChannelOp.Unknown x) { return none(x); }
        }

        @Override
        public DomainArgs grantTableOp(GrantTableOp h) {
            return h.accept(new GrantTableArgs());
        }

        private static final class GrantTableArgs implements GrantTableOp.Visitor<DomainArgs> {
            @Override
            public DomainArgs mapGrantRef(GrantTableOp.MapGrantRef x) {
                return one(Role.PEER, x.dom(), ids -> new GrantTableOp.MapGrantRef(ids[0], x.ref(), x.flags(), x.hostVa()));
            }

            @Override public DomainArgs unmapGrantRef(GrantTableOp.UnmapGrantRef x) { return none(x); }
            @Override public DomainArgs unmapAndReplace(GrantTableOp.UnmapAndReplace x) { return none(x); }
            /** The receiver consented (its entry accepts a transfer from the caller). */
            @Override
            public DomainArgs transfer(GrantTableOp.Transfer x) {
                return one(Role.PEER, x.domid(), ids -> new GrantTableOp.Transfer(x.mfn(), ids[0], x.ref()));
            }
            @Override public DomainArgs unknown(GrantTableOp.Unknown x) { return none(x); }
            @Override public DomainArgs setupTable(GrantTableOp.SetupTable x) { return one(Role.TARGET, x.dom(), ids -> new GrantTableOp.SetupTable(ids[0], x.nrFrames(), x.frameList())); }
            @Override public DomainArgs querySize(GrantTableOp.QuerySize x) { return one(Role.TARGET, x.dom(), ids -> new GrantTableOp.QuerySize(ids[0])); }

            /** Each side's domain offered the grant (or is the caller, DOMID_SELF, for a frame). */
            @Override
            public DomainArgs copy(GrantTableOp.Copy x) {
                return new DomainArgs(List.of(new Arg(Role.PEER, x.sourceDom()), new Arg(Role.PEER, x.destDom())), false,
                        ids -> new GrantTableOp.Copy(x.flags(), x.source(), ids[0], x.sourceOffset(), x.dest(), ids[1], x.destOffset(), x.len()));
            }

            @Override public DomainArgs setVersion(GrantTableOp.SetVersion x) { return none(x); }
            @Override public DomainArgs getVersion(GrantTableOp.GetVersion x) { return one(Role.TARGET, x.dom(), ids -> new GrantTableOp.GetVersion(ids[0])); }
            @Override public DomainArgs getStatusFrames(GrantTableOp.GetStatusFrames x) { return one(Role.TARGET, x.dom(), ids -> new GrantTableOp.GetStatusFrames(ids[0], x.nrFrames(), x.frameList())); }
            /** The caller's own table: no domain named. */
            @Override public DomainArgs swapGrantRef(GrantTableOp.SwapGrantRef x) { return none(x); }
        }

        @Override
        public DomainArgs grantTableWrite(GrantTableWrite h) {
            return h.accept(new GrantTableWriteArgs());
        }

        private static final class GrantTableWriteArgs implements GrantTableWrite.Visitor<DomainArgs> {
            @Override
            public DomainArgs grant(GrantTableWrite.Grant x) {
                return one(Role.STORED, x.domid(), ids -> new GrantTableWrite.Grant(x.ref(), ids[0], x.frame(), x.readonly()));
            }

            @Override public DomainArgs endAccess(GrantTableWrite.EndAccess x) { return none(x); }
            @Override
            public DomainArgs acceptTransfer(GrantTableWrite.AcceptTransfer x) {
                return one(Role.STORED, x.domid(), ids -> new GrantTableWrite.AcceptTransfer(x.ref(), ids[0]));
            }
        }

        @Override
        public DomainArgs memoryOp(MemoryOp h) {
            return h.accept(new MemoryArgs());
        }

        private static final class MemoryArgs implements MemoryOp.Visitor<DomainArgs> {
            @Override public DomainArgs populatePhysmap(MemoryOp.PopulatePhysmap x) { return one(Role.TARGET, x.dom(), ids -> new MemoryOp.PopulatePhysmap(ids[0], x.count())); }
            @Override public DomainArgs decreaseReservation(MemoryOp.DecreaseReservation x) { return one(Role.TARGET, x.dom(), ids -> new MemoryOp.DecreaseReservation(ids[0], x.mfns())); }
            @Override public DomainArgs maximumReservation(MemoryOp.MaximumReservation x) { return one(Role.TARGET, x.dom(), ids -> new MemoryOp.MaximumReservation(ids[0])); }
            @Override public DomainArgs currentReservation(MemoryOp.CurrentReservation x) { return one(Role.TARGET, x.dom(), ids -> new MemoryOp.CurrentReservation(ids[0])); }
            @Override
            public DomainArgs exchange(MemoryOp.Exchange x) {
                // out.domid is only compared with in.domid (memory.c:690): stored, renamed alike.
                return new DomainArgs(List.of(new Arg(Role.TARGET, x.dom()), new Arg(Role.STORED, x.outDom())), false,
                        ids -> new MemoryOp.Exchange(ids[0], x.in(), x.inOrder(), x.outNrExtents(), x.outOrder(), ids[1], x.nrExchanged()));
            }

            @Override public DomainArgs unknown(MemoryOp.Unknown x) { return none(x); }
        }

        @Override
        public DomainArgs domctl(Domctl h) {
            return h.accept(new DomctlArgs());
        }

        private static final class DomctlArgs implements Domctl.Visitor<DomainArgs> {
            @Override public DomainArgs createDomain(Domctl.CreateDomain x) { return new DomainArgs(List.of(), true, ids -> x); }
            @Override public DomainArgs destroyDomain(Domctl.DestroyDomain x) { return managing(x.dom(), ids -> new Domctl.DestroyDomain(ids[0], x.preempt())); }
            @Override public DomainArgs pauseDomain(Domctl.PauseDomain x) { return managing(x.dom(), ids -> new Domctl.PauseDomain(ids[0])); }
            @Override public DomainArgs unpauseDomain(Domctl.UnpauseDomain x) { return managing(x.dom(), ids -> new Domctl.UnpauseDomain(ids[0])); }
            @Override public DomainArgs maxMem(Domctl.MaxMem x) { return managing(x.dom(), ids -> new Domctl.MaxMem(ids[0], x.pages())); }
            @Override public DomainArgs unknown(Domctl.Unknown x) { return new DomainArgs(List.of(), true, ids -> x); }
        }
    }
}
