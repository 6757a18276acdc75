package pvspec.model.trace;

import static pvspec.model.trace.TracePrinter.address;
import static pvspec.model.trace.TracePrinter.domid;
import static pvspec.model.trace.TracePrinter.hex;
import static pvspec.model.trace.TracePrinter.linear;
import static pvspec.model.trace.TracePrinter.names;
import static pvspec.model.trace.TracePrinter.pte;
import static pvspec.model.trace.TracePrinter.uvmFlags;
import static pvspec.model.trace.TracePrinter.va;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Access;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.VmAssist;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.StackSwitch;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;

/** A request as the trace writes it after the caller; {@link TraceParser} reads it back. One case per kind. */
final class RequestPrinter implements Hypercall.Visitor<String> {
    private final Config c;

    RequestPrinter(Config c) {
        this.c = c;
    }

    @Override
    public String mmuUpdate(MmuUpdate u) {
        List<String> parts = new ArrayList<>();
        parts.add("mmu_update");
        if (u.pgDom() != DomId.DOMID_SELF) parts.add("foreigndom=" + domid(u.pgDom()));
        if (u.ptDom() != 0) parts.add("pt_owner=" + domid(u.ptDom() - 1));
        for (MmuUpdate.Request r : u.requests()) parts.add(request(r));
        if (u.preempt() > 0) parts.add("@preempt=" + u.preempt());
        return String.join(" ", parts);
    }

    private static String request(MmuUpdate.Request r) {
        if (r.isMachphys()) return "machphys=" + r.mfn() + " gpfn=" + r.val();
        String req = "ptr=" + r.mfn() + "[" + r.index() + "] val=" + pte(r.val());
        if (r.cmd() == MmuUpdate.NORMAL_PT_UPDATE) return req;
        String name = r.cmd() == MmuUpdate.PT_UPDATE_PRESERVE_AD ? "preserve_ad" : r.cmd() == MmuUpdate.PT_UPDATE_NO_TRANSLATE ? "no_translate" : Integer.toString(r.cmd());
        return req + " cmd=" + name;
    }

    @Override
    public String mmuextOp(MmuextOp h) {
        List<String> ops = new ArrayList<>();
        for (MmuextOp.Op op : h.ops()) ops.add(op.accept(new Mmuext()));
        String head = h.foreigndom() == DomId.DOMID_SELF ? "mmuext_op" : "mmuext_op foreigndom=" + domid(h.foreigndom());
        String call = ops.isEmpty() ? head : head + " " + String.join(" ; ", ops);
        return h.preempt() > 0 ? call + " @preempt=" + h.preempt() : call;
    }

    @Override
    public String updateVaMapping(UpdateVaMapping u) {
        String args = " va=" + va(c, u.va()) + " val=" + pte(u.val()) + " flags=" + uvmFlags(u.flags());
        return u.otherdomain().isEmpty() ? u.kind() + args : u.kind() + args + " domid=" + domid(u.otherdomain().getAsInt());
    }

    @Override
    public String setTrapTable(SetTrapTable h) {
        StringBuilder b = new StringBuilder("set_trap_table");
        for (TrapInfo t : h.traps()) {
            b.append(" trap=").append(t.vector()).append(',').append(t.dpl()).append(',').append(hex(t.cs())).append(',').append(address(c, t.address()));
        }
        return b.toString();
    }

    @Override
    public String setCallbacks(SetCallbacks s) {
        return "set_callbacks event=" + address(c, s.event()) + " failsafe=" + address(c, s.failsafe())
                + (s.syscall() != 0 ? " syscall=" + address(c, s.syscall()) : "");
    }

    @Override
    public String setGdt(SetGdt h) {
        StringBuilder b = new StringBuilder("set_gdt frames=");
        for (int i = 0; i < h.frames().size(); i++) b.append(i == 0 ? "" : ",").append(h.frames().get(i));
        return b.append(" entries=").append(h.entries()).toString();
    }

    @Override
    public String updateDescriptor(UpdateDescriptor h) {
        return "update_descriptor mfn=" + h.mfn() + " offset=" + h.offset() + " desc=0x" + Long.toHexString(h.desc());
    }

    @Override
    public String callbackOp(CallbackOp h) {
        return "callback_op " + h.accept(new CallbackOp.Visitor<>() {
            @Override
            public String register(CallbackOp.Register x) {
                return "register type=" + callbackType(x.type()) + (x.flags() != 0 ? " flags=" + names(x.flags() & 0xFFFFFFFFL, TraceParser.CALLBACK_FLAGS, x.flags()) : "")
                        + " address=" + address(c, x.address());
            }

            @Override public String unregister(CallbackOp.Unregister x) { return "unregister type=" + callbackType(x.type()); }
            @Override public String unknown(CallbackOp.Unknown x) { return "cmd=" + x.cmd(); }
        });
    }

    private static String callbackType(int type) {
        for (java.util.Map.Entry<String, Long> e : TraceParser.CALLBACK_TYPES.entrySet()) if (e.getValue() == type) return e.getKey();
        return Integer.toString(type);
    }

    @Override public String eventChannelOp(EventChannelOp h) { return "event_channel_op " + h.accept(new EventChannel()); }
    @Override public String eventChannelWrite(EventChannelWrite h) { return h.kind() + " port=" + h.port(); }
    @Override public String grantTableOp(GrantTableOp h) { return "grant_table_op " + h.accept(new GrantTable()); }

    @Override
    public String grantTableWrite(GrantTableWrite h) {
        return h.accept(new GrantTableWrite.Visitor<>() {
            @Override
            public String grant(GrantTableWrite.Grant g) {
                return "grant ref=" + g.ref() + " domid=" + domid(g.domid()) + " frame=" + g.frame() + " readonly=" + g.readonly();
            }

            @Override public String endAccess(GrantTableWrite.EndAccess e) { return "end_access ref=" + e.ref(); }
            @Override public String acceptTransfer(GrantTableWrite.AcceptTransfer a) { return "accept_transfer ref=" + a.ref() + " domid=" + domid(a.domid()); }
        });
    }

    @Override public String memoryOp(MemoryOp h) { return "memory_op " + h.accept(new Memory()); }
    @Override public String domctl(Domctl h) { return "domctl " + h.accept(new DomctlPrinter()); }

    @Override
    public String schedOp(SchedOp h) {
        return "sched_op " + h.accept(new SchedOp.Visitor<>() {
            @Override public String yield(SchedOp.Yield x) { return x.name(); }
            @Override public String block(SchedOp.Block x) { return x.name(); }
            @Override public String shutdown(SchedOp.Shutdown x) { return x.name(); }
            @Override public String unknown(SchedOp.Unknown x) { return "cmd=" + x.cmd(); }
        });
    }

    @Override
    public String access(Access h) {
        return h.kind() + " va=" + va(c, h.va()) + (h.offset() != 0 ? " offset=" + h.offset() : "")
                + (h.value() != 0 ? " value=" + pte(h.value()) : "");
    }

    @Override
    public String vmAssist(VmAssist h) {
        return "vm_assist cmd=" + name(h.cmd(), TraceParser.VMASST_CMDS) + " type=" + name(h.type(), TraceParser.VMASST_TYPES);
    }

    @Override
    public String stackSwitch(StackSwitch h) {
        return "stack_switch ss=0x" + Long.toHexString(h.ss()) + " sp=" + address(c, h.sp());
    }

    @Override
    public String setSegmentBase(SetSegmentBase h) {
        String base = h.which() == SetSegmentBase.GS_USER_SEL ? "0x" + Long.toHexString(h.base()) : address(c, h.base());
        return "set_segment_base which=" + name(h.which(), TraceParser.SEGBASES) + " base=" + base;
    }

    /** The name of a value, or the number when it has none. */
    private static String name(long v, java.util.Map<String, Long> names) {
        for (var e : names.entrySet()) if (e.getValue() == v) return e.getKey();
        return Long.toString(v);
    }
    @Override public String softInt(SoftInt h) { return "softint vector=" + h.vector(); }
    @Override public String unknown(UnknownHypercall h) { return "hypercall nr=" + h.number(); }
    @Override public String multicall(Multicall h) {
        List<String> entries = new java.util.ArrayList<>();
        for (Hypercall e : h.calls()) entries.add(e.accept(this));
        return "multicall " + String.join(" || ", entries);
    }

    @Override public String iret(Iret h) { return "iret cs=0x" + Long.toHexString(h.cs()); }

    private final class Mmuext implements MmuextOp.Op.Visitor<String> {
        @Override public String pin(MmuextOp.Pin op) { return op.name() + " mfn=" + op.mfn(); }
        @Override public String unpin(MmuextOp.Unpin op) { return op.name() + " mfn=" + op.mfn(); }
        @Override public String newBaseptr(MmuextOp.NewBaseptr op) { return op.name() + " mfn=" + op.mfn(); }
        @Override public String newUserBaseptr(MmuextOp.NewUserBaseptr op) { return op.name() + " mfn=" + op.mfn(); }
        @Override public String tlbFlushLocal(MmuextOp.TlbFlushLocal op) { return op.name(); }
        @Override public String invlpgLocal(MmuextOp.InvlpgLocal op) { return op.name() + " va=" + va(c, op.va()); }
        @Override public String tlbFlushAll(MmuextOp.TlbFlushAll op) { return op.name(); }
        @Override public String invlpgAll(MmuextOp.InvlpgAll op) { return op.name() + " va=" + va(c, op.va()); }
        @Override public String clearPage(MmuextOp.ClearPage op) { return op.name() + " mfn=" + op.mfn(); }
        @Override public String flushCache(MmuextOp.FlushCache op) { return op.name(); }
        @Override public String flushCacheGlobal(MmuextOp.FlushCacheGlobal op) { return op.name(); }
        @Override public String tlbFlushMulti(MmuextOp.TlbFlushMulti op) { return op.name() + " vcpumask=" + op.vcpumask(); }
        @Override public String invlpgMulti(MmuextOp.InvlpgMulti op) { return op.name() + " va=" + va(c, op.va()) + " vcpumask=" + op.vcpumask(); }
        @Override public String copyPage(MmuextOp.CopyPage op) { return op.name() + " mfn=" + op.mfn() + " src_mfn=" + op.srcMfn(); }
        @Override public String setLdt(MmuextOp.SetLdt op) { return op.name() + " va=" + va(c, op.va()) + " ents=" + op.ents(); }
        @Override public String markSuper(MmuextOp.MarkSuper op) { return op.name() + " mfn=" + op.mfn(); }
        @Override public String unmarkSuper(MmuextOp.UnmarkSuper op) { return op.name() + " mfn=" + op.mfn(); }
        @Override public String unknown(MmuextOp.Unknown u) { return "cmd=" + u.cmd() + (u.arg() != 0 ? " arg=" + u.arg() : ""); }
    }

    private static final class EventChannel implements EventChannelOp.Visitor<String> {
        @Override public String allocUnbound(EventChannelOp.AllocUnbound a) { return "alloc_unbound dom=" + domid(a.dom()) + " remote_dom=" + domid(a.remoteDom()); }
        @Override public String bindInterdomain(EventChannelOp.BindInterdomain b) { return "bind_interdomain remote_dom=" + domid(b.remoteDom()) + " remote_port=" + b.remotePort(); }
        @Override public String bindVirq(EventChannelOp.BindVirq b) { return "bind_virq virq=" + b.virq() + " vcpu=" + b.vcpu(); }
        @Override public String bindIpi(EventChannelOp.BindIpi b) { return "bind_ipi vcpu=" + b.vcpu(); }
        @Override public String close(EventChannelOp.Close x) { return "close port=" + x.port(); }
        @Override public String send(EventChannelOp.Send x) { return "send port=" + x.port(); }
        @Override public String unmask(EventChannelOp.Unmask x) { return "unmask port=" + x.port(); }
        @Override public String status(EventChannelOp.Status x) { return "status dom=" + domid(x.dom()) + " port=" + x.port(); }
        @Override public String bindVcpu(EventChannelOp.BindVcpu x) { return "bind_vcpu port=" + x.port() + " vcpu=" + x.vcpu(); }
        @Override public String reset(EventChannelOp.Reset x) { return x.name() + " dom=" + domid(x.dom()); }
        @Override public String unknown(EventChannelOp.Unknown x) { return "cmd=" + x.cmd(); }
    }

    private final class GrantTable implements GrantTableOp.Visitor<String> {
        @Override
        public String mapGrantRef(GrantTableOp.MapGrantRef m) {
            return "map_grant_ref dom=" + domid(m.dom()) + " ref=" + m.ref() + " flags=" + names(m.flags() & 0xFFFFFFFFL, TraceParser.GNTMAP_FLAGS, m.flags())
                    + " host_va=" + ((m.flags() & GrantTableOp.GNTMAP_contains_pte) != 0 ? entryAddress(m.hostVa()) : va(c, m.hostVa()));
        }

        @Override
        public String unmapGrantRef(GrantTableOp.UnmapGrantRef x) {
            return "unmap_grant_ref handle=" + x.handle() + " host_va=" + hostAddress(x.hostVa())
                    + (x.devBusAddr() != 0 ? " dev_bus_addr=0x" + Long.toHexString(x.devBusAddr()) : "");
        }

        @Override
        public String unmapAndReplace(GrantTableOp.UnmapAndReplace x) {
            return "unmap_and_replace handle=" + x.handle() + " host_va=" + hostAddress(x.hostVa()) + " new_va=" + va(c, x.newVa());
        }

        /** An unmap's host address: a virtual page, or beyond the address space an entry's machine address. */
        private String hostAddress(long addr) {
            return c.canonical(addr) ? va(c, addr) : entryAddress(addr);
        }

        /** {@code MFN[INDEX]} or {@code MFN[INDEX]+BYTES}, as the parser reads it back; a number otherwise. */
        private String entryAddress(long addr) {
            if (addr < 0 || addr >>> 12 > Pte.MAX_MFN) return addr < 0 ? Long.toString(addr) : "0x" + Long.toHexString(addr);
            long plus = addr & 7;
            return (addr >>> 12) + "[" + ((addr & 0xFFF) >> 3) + "]" + (plus != 0 ? "+" + plus : "");
        }
        @Override public String transfer(GrantTableOp.Transfer x) { return "transfer mfn=" + x.mfn() + " domid=" + domid(x.domid()) + " ref=" + x.ref(); }
        @Override public String unknown(GrantTableOp.Unknown x) { return "cmd=" + x.cmd(); }

        @Override public String setupTable(GrantTableOp.SetupTable x) {
            return "setup_table dom=" + domid(x.dom()) + " nr_frames=" + x.nrFrames() + " frame_list=" + linear(c, x.frameList());
        }

        @Override public String querySize(GrantTableOp.QuerySize x) { return "query_size dom=" + domid(x.dom()); }

        @Override
        public String copy(GrantTableOp.Copy x) {
            return "copy flags=" + names(x.flags() & 0xFFFFFFFFL, TraceParser.GNTCOPY_FLAGS, x.flags())
                    + " source=" + x.source() + " source_dom=" + domid(x.sourceDom()) + " source_offset=" + x.sourceOffset()
                    + " dest=" + x.dest() + " dest_dom=" + domid(x.destDom()) + " dest_offset=" + x.destOffset() + " len=" + x.len();
        }

        @Override public String setVersion(GrantTableOp.SetVersion x) { return "set_version version=" + x.version(); }
        @Override public String getVersion(GrantTableOp.GetVersion x) { return "get_version dom=" + domid(x.dom()); }
        @Override public String getStatusFrames(GrantTableOp.GetStatusFrames x) {
            return "get_status_frames dom=" + domid(x.dom()) + " nr_frames=" + x.nrFrames() + " frame_list=" + linear(c, x.frameList());
        }
        @Override public String swapGrantRef(GrantTableOp.SwapGrantRef x) { return "swap_grant_ref ref_a=" + x.refA() + " ref_b=" + x.refB(); }
    }

    private static final class Memory implements MemoryOp.Visitor<String> {
        @Override public String populatePhysmap(MemoryOp.PopulatePhysmap p) { return "populate_physmap dom=" + domid(p.dom()) + " count=" + p.count(); }

        @Override
        public String exchange(MemoryOp.Exchange x) {
            List<String> in = new ArrayList<>();
            for (long f : x.in()) in.add(Long.toString(f));
            String s = "exchange dom=" + domid(x.dom()) + " in=" + String.join(",", in) + " in_order=" + x.inOrder() + " out_nr=" + x.outNrExtents()
                    + " out_order=" + x.outOrder();
            if (x.outDom() != x.dom()) s += " out_dom=" + domid(x.outDom());
            return x.nrExchanged() == 0 ? s : s + " nr_exchanged=" + x.nrExchanged();
        }

        @Override
        public String decreaseReservation(MemoryOp.DecreaseReservation d) {
            List<String> m = new ArrayList<>();
            for (long mfn : d.mfns()) m.add(Long.toString(mfn));
            return "decrease_reservation dom=" + domid(d.dom()) + " mfns=" + String.join(",", m);
        }

        @Override public String maximumReservation(MemoryOp.MaximumReservation m) { return "maximum_reservation dom=" + domid(m.dom()); }
        @Override public String currentReservation(MemoryOp.CurrentReservation m) { return "current_reservation dom=" + domid(m.dom()); }
        @Override public String unknown(MemoryOp.Unknown x) { return "cmd=" + x.cmd(); }
    }

    private static final class DomctlPrinter implements Domctl.Visitor<String> {
        @Override public String createDomain(Domctl.CreateDomain x) { return "createdomain max_pages=" + x.maxPages() + " vcpus=" + x.vcpus(); }
        @Override public String destroyDomain(Domctl.DestroyDomain x) {
            return "destroydomain dom=" + domid(x.dom()) + (x.preempt() > 0 ? " @preempt=" + x.preempt() : "");
        }
        @Override public String pauseDomain(Domctl.PauseDomain x) { return "pausedomain dom=" + domid(x.dom()); }
        @Override public String unpauseDomain(Domctl.UnpauseDomain x) { return "unpausedomain dom=" + domid(x.dom()); }
        @Override public String maxMem(Domctl.MaxMem m) { return "max_mem dom=" + domid(m.dom()) + " pages=" + m.pages(); }
        @Override public String unknown(Domctl.Unknown x) { return "cmd=" + x.cmd(); }
    }
}
