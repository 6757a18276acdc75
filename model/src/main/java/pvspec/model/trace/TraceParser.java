package pvspec.model.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pvspec.model.abi.Access;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.Errno;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Mode;
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

/**
 * Reads the trace format (docs/trace-syntax.md) line by line; every error names its line and
 * column. Numbers are ASCII only: an optional {@code -}, then decimal digits or {@code 0x} and
 * hex digits.
 */
final class TraceParser {
    /** An {@code EVTCHNOP_status} answer as {@code Result.EvtchnStatus} prints it. */
    private static final Pattern EVTCHN_STATUS = Pattern.compile("EVTCHNSTAT_(closed\\(vcpu=\\d+\\)|unbound\\(dom=\\d+,vcpu=\\d+\\)"
            + "|interdomain\\(dom=\\d+,port=\\d+,vcpu=\\d+\\)|virq\\(virq=\\d+,vcpu=\\d+\\)|ipi\\(vcpu=\\d+\\))");
    /** A {@code GNTTABOP_query_size} answer as {@code Result.GntSize} prints it. */
    private static final Pattern GNT_SIZE = Pattern.compile("GNTST_okay\\(nr_frames=\\d+,max_nr_frames=\\d+\\)");
    private static final Pattern CALLER = Pattern.compile("(dom0|d(-?\\d+))(\\.v(-?\\d+))?(/(user|kernel))?:");
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");

    static final Map<String, Long> UVM_FLAGS = names(
            "none", UpdateVaMapping.UVMF_NONE, "tlb_flush", UpdateVaMapping.UVMF_TLB_FLUSH, "invlpg", UpdateVaMapping.UVMF_INVLPG,
            "local", UpdateVaMapping.UVMF_LOCAL, "all", UpdateVaMapping.UVMF_ALL);
    static final Map<String, Long> GNTMAP_FLAGS = names(
            "device_map", (long) GrantTableOp.GNTMAP_device_map, "host_map", (long) GrantTableOp.GNTMAP_host_map,
            "readonly", (long) GrantTableOp.GNTMAP_readonly, "application_map", (long) GrantTableOp.GNTMAP_application_map,
            "contains_pte", (long) GrantTableOp.GNTMAP_contains_pte);
    static final Map<String, Long> GNTCOPY_FLAGS = names(
            "source_gref", (long) GrantTableOp.GNTCOPY_source_gref, "dest_gref", (long) GrantTableOp.GNTCOPY_dest_gref);
    static final Map<String, Long> CALLBACK_TYPES = names(
            "event", (long) CallbackOp.CALLBACKTYPE_event, "failsafe", (long) CallbackOp.CALLBACKTYPE_failsafe,
            "syscall", (long) CallbackOp.CALLBACKTYPE_syscall, "nmi", (long) CallbackOp.CALLBACKTYPE_nmi,
            "sysenter", (long) CallbackOp.CALLBACKTYPE_sysenter, "syscall32", (long) CallbackOp.CALLBACKTYPE_syscall32);
    static final Map<String, Long> CALLBACK_FLAGS = names("mask_events", (long) CallbackOp.CALLBACKF_mask_events);

    static final Map<String, Long> SEGBASES = names("fs", (long) SetSegmentBase.FS, "gs_user", (long) SetSegmentBase.GS_USER,
            "gs_kernel", (long) SetSegmentBase.GS_KERNEL, "gs_user_sel", (long) SetSegmentBase.GS_USER_SEL);
    static final Map<String, Long> VMASST_CMDS = names("enable", (long) VmAssist.CMD_ENABLE, "disable", (long) VmAssist.CMD_DISABLE);
    static final Map<String, Long> VMASST_TYPES = names(
            "4gb_segments", 0L, "4gb_segments_notify", 1L, "writable_pagetables", 2L, "pae_extended_cr3", 3L,
            "architectural_iopl", 4L, "runstate_update_flag", 5L, "m2p_strict", 32L);

    private final String source;
    private int line;
    private Config config;

    TraceParser(String source) {
        this.source = source;
    }

    TraceSyntaxException error(int column, String problem) {
        return new TraceSyntaxException(source, line, column, problem);
    }

    Trace parse(String text) throws TraceSyntaxException {
        List<TraceStep> steps = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            TraceStep s = line(i + 1, lines[i]);
            if (s != null) steps.add(s);
        }
        end(lines.length);
        return new Trace(config, steps);
    }

    /** Reads line {@code number}: the configuration (the first non-blank line), a step, or nothing (null). */
    TraceStep line(int number, String text) throws TraceSyntaxException {
        line = number;
        Tokens t = Tokens.of(text);
        if (t.isEmpty()) return null;
        if (config == null) {
            config = config(t);
            return null;
        }
        return step(t);
    }

    /** The configuration, once its line has been read (else null). */
    Config config() {
        return config;
    }

    /** After the last of {@code lines} lines: a trace without a configuration is an error. */
    void end(int lines) throws TraceSyntaxException {
        if (config != null) return;
        line = Math.max(1, lines);
        throw error(1, "empty trace: expected a 'config' line");
    }

    private Config config(Tokens t) throws TraceSyntaxException {
        Tokens.Word head = t.take();
        if (!head.text().equals("config")) throw error(head.column(), "the first line must be 'config ...', found '" + head.text() + "'");
        Map<String, Tokens.Word> kv = new LinkedHashMap<>();
        while (t.hasNext()) {
            Tokens.Word w = t.take();
            int eq = w.text().indexOf('=');
            if (eq <= 0) throw error(w.column(), "expected key=value, found '" + w.text() + "'");
            String key = w.text().substring(0, eq);
            if (kv.containsKey(key)) throw error(w.column(), "duplicate configuration key '" + key + "'");
            kv.put(key, new Tokens.Word(w.text().substring(eq + 1), w.column() + eq + 1));
        }
        Config d = Config.small();
        int levels = cfg(kv, "levels", d.levels());
        int entries = cfg(kv, "entries", d.entries());
        int frames = cfg(kv, "frames", d.frames());
        int domains = cfg(kv, "domains", d.domains());
        int vcpus = cfg(kv, "vcpus", d.vcpus());
        int ports = cfg(kv, "ports", d.ports());
        int grants = cfg(kv, "grants", d.grants());
        int grantFrames = cfg(kv, "grant_frames", 1);
        Tokens.Word xen = kv.remove("xen_frames");
        Tokens.Word r = kv.remove("reserved");
        for (Map.Entry<String, Tokens.Word> e : kv.entrySet()) {
            throw error(e.getValue().column() - e.getKey().length() - 1, "unknown configuration key '" + e.getKey() + "'");
        }
        Matcher m = r == null ? null : RANGE.matcher(r.text());
        if (m != null && !m.matches()) throw error(r.column(), "reserved is FIRST..LAST, found '" + r.text() + "'");
        int[] range = m == null ? null : new int[] {integer(new Tokens.Word(m.group(1), r.column())),
                integer(new Tokens.Word(m.group(2), r.column() + m.group(1).length() + 2))};
        try {
            Config base = Config.withDefaults(levels, entries, frames, domains, vcpus, ports, grants);
            int first = range == null ? base.reservedFirst() : range[0];
            int count = range == null ? base.reservedCount() : range[1] - first + 1;
            int xenFrames = xen == null ? base.xenFrames() : (int) Math.min(Integer.MAX_VALUE, Math.max(-1, number(xen)));
            return new Config(levels, entries, frames, xenFrames, first, count, domains, vcpus, ports, grants, grantFrames);
        } catch (IllegalArgumentException ex) {
            throw error(1, "bad configuration: " + ex.getMessage());
        }
    }

    private int cfg(Map<String, Tokens.Word> kv, String key, int dflt) throws TraceSyntaxException {
        Tokens.Word w = kv.remove(key);
        if (w == null) return dflt;
        long v = number(w);
        if (v < 0 || v > Integer.MAX_VALUE) throw error(w.column(), key + " out of range: " + w.text());
        return (int) v;
    }

    private TraceStep step(Tokens t) throws TraceSyntaxException {
        Tokens.Word c = t.take();
        Matcher m = CALLER.matcher(c.text());
        if (!m.matches()) throw error(c.column(), "expected a caller such as 'dom0:', 'd1:' or 'd1.v1/user:', found '" + c.text() + "'");
        int dom = m.group(2) == null ? 0 : parseInt(c, m.group(2));
        int vcpu = m.group(4) == null ? 0 : parseInt(c, m.group(4));
        Mode mode = "user".equals(m.group(6)) ? Mode.USER : Mode.KERNEL;
        if (!t.hasNext()) throw error(t.endColumn(), "expected a hypercall after the caller");
        Hypercall h = call(t);
        Optional<Expectation> expect = Optional.empty();
        if (t.hasNext()) {
            t.take(); // "->"
            if (!t.hasNext()) throw error(t.endColumn(), "expected a result after '->'");
            expect = Optional.of(expectation(t));
        }
        return new TraceStep(new Caller(dom, vcpu, mode), h, expect, line);
    }

    private int parseInt(Tokens.Word w, String digits) throws TraceSyntaxException {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error(w.column(), "number out of range in '" + w.text() + "'");
        }
    }

    private Expectation expectation(Tokens t) throws TraceSyntaxException {
        Tokens.Word w = t.take();
        String text = w.text();
        boolean known = text.equals("any") || text.equals("OK") || text.equals("fault") || text.equals("restart") || text.matches("-?\\d+") || text.matches("\\[\\S*\\]");
        for (Errno e : Errno.values()) known |= e.name().equals(text);
        for (Gntst g : Gntst.values()) known |= g.name().equals(text);
        boolean status = EVTCHN_STATUS.matcher(text).matches() || GNT_SIZE.matcher(text).matches();
        if (!known && !status) throw error(w.column(), "expected a result (OK, a number, an error name, a GNTST_ status, an EVTCHNSTAT_ status, a query_size's GNTST_okay(nr_frames=N,max_nr_frames=M), a multicall's [R,R,...], fault or any), found '" + text + "'");
        if (t.hasNext()) {
            Tokens.Word done = t.take();
            if (!done.text().matches("done=\\d+") || !(text.startsWith("E") || text.equals("restart")) || status) throw error(done.column(), "unexpected '" + done.text() + "' after the result");
            text = text + " " + done.text();
        }
        if (t.hasNext()) throw error(t.peek().column(), "unexpected '" + t.peek().text() + "' after the result");
        if (text.equals("restart")) throw error(w.column(), "a continuation is 'restart done=N'");
        return new Expectation(text);
    }

    private Hypercall call(Tokens t) throws TraceSyntaxException {
        Tokens.Word kind = t.take();
        switch (kind.text()) {
            case "mmu_update": return mmuUpdate(t);
            case "mmuext_op": return mmuextOp(t);
            case "update_va_mapping": {
                Args a = args(t);
                UpdateVaMapping h = new UpdateVaMapping(a.va("va"), a.pte("val"), a.bits("flags", UVM_FLAGS));
                a.done();
                return h;
            }
            case "update_va_mapping_otherdomain": {
                Args a = args(t);
                UpdateVaMapping h = UpdateVaMapping.otherdomain(a.va("va"), a.pte("val"), a.bits("flags", UVM_FLAGS), a.domid("domid"));
                a.done();
                return h;
            }
            case "set_trap_table": return setTrapTable(t);
            case "multicall": return multicall(t);
            case "iret": {
                Args a = args(t);
                Iret h = new Iret(a.num("cs"));
                a.done();
                return h;
            }
            case "set_callbacks": {
                Args a = args(t);
                SetCallbacks h = new SetCallbacks(a.va("event"), a.va("failsafe"), a.has("syscall") ? a.va("syscall") : 0);
                a.done();
                return h;
            }
            case "callback_op": return callbackOp(t, sub(t, kind));
            case "set_gdt": {
                Args a = args(t);
                SetGdt h = new SetGdt(a.numbers("frames"), a.num("entries"));
                a.done();
                return h;
            }
            case "update_descriptor": {
                Args a = args(t);
                UpdateDescriptor h = new UpdateDescriptor(a.num("mfn"), a.num("offset"), a.num("desc"));
                a.done();
                return h;
            }
            case "event_channel_op": return eventChannelOp(t, sub(t, kind));
            case "clear_evtchn":
            case "mask_evtchn": {
                Args a = args(t);
                int port = a.integer("port");
                a.done();
                return kind.text().equals("clear_evtchn") ? new EventChannelWrite.ClearEvtchn(port) : new EventChannelWrite.MaskEvtchn(port);
            }
            case "grant_table_op": return grantTableOp(t, sub(t, kind));
            case "grant": {
                Args a = args(t);
                GrantTableWrite.Grant h = new GrantTableWrite.Grant(a.integer("ref"), a.domid("domid"), a.num("frame"), a.bool("readonly"));
                a.done();
                return h;
            }
            case "end_access": {
                Args a = args(t);
                GrantTableWrite.EndAccess h = new GrantTableWrite.EndAccess(a.integer("ref"));
                a.done();
                return h;
            }
            case "accept_transfer": {
                Args a = args(t);
                GrantTableWrite.AcceptTransfer h = new GrantTableWrite.AcceptTransfer(a.integer("ref"), a.domid("domid"));
                a.done();
                return h;
            }
            case "memory_op": return memoryOp(t, sub(t, kind));
            case "domctl": return domctl(t, sub(t, kind));
            case "sched_op": return schedOp(t, sub(t, kind));
            case "access": {
                Tokens.Word rw = sub(t, kind);
                if (!rw.text().equals("read") && !rw.text().equals("write")) throw error(rw.column(), "expected 'read' or 'write', found '" + rw.text() + "'");
                Args a = args(t);
                boolean write = rw.text().equals("write");
                long va = a.va("va");
                long offset = write && a.has("offset") ? a.num("offset") : 0;
                long value = write && a.has("value") ? a.pte("value") : 0;
                Access h = new Access(write, va, offset, value);
                a.done();
                return h;
            }
            case "vm_assist": {
                Args a = args(t);
                VmAssist h = new VmAssist(a.named("cmd", VMASST_CMDS), a.named("type", VMASST_TYPES));
                a.done();
                return h;
            }
            case "stack_switch": {
                Args a = args(t);
                StackSwitch h = new StackSwitch(a.num("ss"), a.va("sp"));
                a.done();
                return h;
            }
            case "set_segment_base": {
                Args a = args(t);
                SetSegmentBase h = new SetSegmentBase(a.named("which", SEGBASES), a.va("base"));
                a.done();
                return h;
            }
            case "softint": {
                Args a = args(t);
                SoftInt h = new SoftInt(a.integer("vector"));
                a.done();
                return h;
            }
            case "hypercall": {
                Args a = args(t);
                UnknownHypercall h = new UnknownHypercall(a.integer("nr"));
                a.done();
                return h;
            }
            default:
                throw error(kind.column(), "unknown hypercall '" + kind.text() + "'");
        }
    }

    private Tokens.Word sub(Tokens t, Tokens.Word kind) throws TraceSyntaxException {
        if (!t.hasNext() || t.peek().text().equals("->")) throw error(t.endColumn(), "expected a sub-operation after '" + kind.text() + "'");
        return t.take();
    }

    private Args args(Tokens t) throws TraceSyntaxException {
        return new Args(this, config, t.untilArrow(), t.endColumn());
    }

    /** A sub-command given as {@code cmd=N}. */
    private int unknownCmd(Tokens.Word sub, Tokens t, String family) throws TraceSyntaxException {
        if (!sub.text().startsWith("cmd=")) throw error(sub.column(), "unknown " + family + " sub-operation '" + sub.text() + "'");
        int cmd = integer(new Tokens.Word(sub.text().substring(4), sub.column() + 4));
        args(t).done();
        return cmd;
    }

    /** Commands of an {@code mmu_update} request, as {@code cmd=NAME} after its value. */
    static final Map<String, Long> MMU_CMDS = names("normal", 0L, "machphys", 1L, "preserve_ad", 2L, "no_translate", 3L);

    /**
     * {@code mmu_update [foreigndom=D] [pt_owner=D] (ptr=MFN[INDEX] val=PTE [cmd=C] | machphys=MFN gpfn=N)... [@preempt=N]}:
     * the page owner, the page-table owner (Xen's {@code foreigndom >> 16}, the id plus one), then
     * the requests.
     */
    private MmuUpdate mmuUpdate(Tokens t) throws TraceSyntaxException {
        List<Tokens.Word> words = new ArrayList<>(t.untilArrow());
        int preempt = preemptPoint(words);
        int pgDom = pvspec.model.abi.DomId.DOMID_SELF;
        int ptOwner = -1;
        List<MmuUpdate.Request> reqs = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Tokens.Word w = words.get(i);
            if (w.text().startsWith("foreigndom=") && i == 0) {
                pgDom = new Args(this, config, List.of(w), t.endColumn()).domid("foreigndom");
                continue;
            }
            if (w.text().startsWith("pt_owner=") && reqs.isEmpty() && ptOwner < 0) {
                ptOwner = new Args(this, config, List.of(w), t.endColumn()).domid("pt_owner");
                continue;
            }
            if (w.text().startsWith("machphys=")) {
                long mfn = number(new Tokens.Word(w.text().substring(9), w.column() + 9));
                if (i + 1 >= words.size() || !words.get(i + 1).text().startsWith("gpfn=")) {
                    throw error(i + 1 < words.size() ? words.get(i + 1).column() : t.endColumn(), "expected gpfn=N after " + w.text());
                }
                Tokens.Word g = words.get(++i);
                reqs.add(MmuUpdate.Request.machphys(mfn, number(new Tokens.Word(g.text().substring(5), g.column() + 5))));
                continue;
            }
            if (!w.text().startsWith("ptr=")) throw error(w.column(), "expected ptr=MFN[INDEX] or machphys=MFN, found '" + w.text() + "'");
            Matcher m = Pattern.compile("ptr=(-?\\w+)\\[(-?\\w+)\\]").matcher(w.text());
            if (!m.matches()) throw error(w.column(), "expected ptr=MFN[INDEX], found '" + w.text() + "'");
            long mfn = number(new Tokens.Word(m.group(1), w.column() + 4));
            long index = number(new Tokens.Word(m.group(2), w.column() + 5 + m.group(1).length()));
            if (i + 1 >= words.size() || !words.get(i + 1).text().startsWith("val=")) {
                throw error(i + 1 < words.size() ? words.get(i + 1).column() : t.endColumn(), "expected val=PTE after " + w.text());
            }
            Tokens.Word v = words.get(++i);
            long val = new Args(this, config, List.of(), t.endColumn()).pte(new Tokens.Word(v.text().substring(4), v.column() + 4));
            int cmd = MmuUpdate.NORMAL_PT_UPDATE;
            if (i + 1 < words.size() && words.get(i + 1).text().startsWith("cmd=")) {
                cmd = (int) new Args(this, config, List.of(words.get(++i)), t.endColumn()).bits("cmd", MMU_CMDS);
                if (cmd < 0 || cmd > 7 || cmd == MmuUpdate.MACHPHYS_UPDATE) throw error(words.get(i).column(), "cmd must be 0, 2..7 (machphys is written machphys=MFN gpfn=N)");
            }
            reqs.add(new MmuUpdate.Request(mfn, index, val, cmd));
        }
        return new MmuUpdate(reqs, MmuUpdate.foreigndom(pgDom, ptOwner), preempt);
    }

    /** A batch's trailing {@code @preempt=N} (removed from {@code words}), or 0 if it names none. */
    private int preemptPoint(List<Tokens.Word> words) throws TraceSyntaxException {
        if (words.isEmpty() || !words.get(words.size() - 1).text().startsWith("@")) return 0;
        Tokens.Word w = words.remove(words.size() - 1);
        if (!w.text().startsWith("@preempt=")) throw error(w.column(), "expected @preempt=N, found '" + w.text() + "'");
        long n = number(new Tokens.Word(w.text().substring(9), w.column() + 9));
        if (n < 1 || n > Integer.MAX_VALUE) throw error(w.column() + 9, "@preempt=N needs N >= 1 (the N-th preemption check fires), found '" + w.text() + "'");
        return (int) n;
    }

    private MmuextOp mmuextOp(Tokens t) throws TraceSyntaxException {
        List<Tokens.Word> words = new ArrayList<>();
        for (Tokens.Word w : t.untilArrow()) {
            if (w.text().endsWith(";") && w.text().length() > 1) {
                words.add(new Tokens.Word(w.text().substring(0, w.text().length() - 1), w.column()));
                words.add(new Tokens.Word(";", w.column() + w.text().length() - 1));
            } else {
                words.add(w);
            }
        }
        int preempt = preemptPoint(words);
        List<MmuextOp.Op> ops = new ArrayList<>();
        int foreigndom = pvspec.model.abi.DomId.DOMID_SELF;
        if (!words.isEmpty() && words.get(0).text().startsWith("foreigndom=")) {
            foreigndom = new Args(this, config, List.of(words.remove(0)), t.endColumn()).domid("foreigndom");
        }
        if (words.isEmpty()) return new MmuextOp(ops, foreigndom, preempt); // a batch of none, as Xen allows (count 0)
        int start = 0;
        for (int i = 0; i <= words.size(); i++) {
            if (i < words.size() && !words.get(i).text().equals(";")) continue;
            if (i == start) throw error(i < words.size() ? words.get(i).column() : t.endColumn(), "expected an mmuext command");
            ops.add(mmuextCommand(words.get(start), new Args(this, config, words.subList(start + 1, i), t.endColumn())));
            start = i + 1;
        }
        return new MmuextOp(ops, foreigndom, preempt);
    }

    /** {@code multicall CALL || CALL ...}: each entry a request as a line would name it (a nested multicall holds one entry). */
    private Multicall multicall(Tokens t) throws TraceSyntaxException {
        List<Tokens.Word> words = t.untilArrow();
        List<Hypercall> calls = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= words.size(); i++) {
            if (i < words.size() && !words.get(i).text().equals("||")) continue;
            if (i == start) throw error(i < words.size() ? words.get(i).column() : t.endColumn(), "expected a hypercall in the multicall");
            int end = i < words.size() ? words.get(i).column() : t.endColumn();
            Tokens entry = Tokens.of(words.subList(start, i), end);
            calls.add(call(entry));
            if (entry.hasNext()) throw error(entry.peek().column(), "unexpected '" + entry.peek().text() + "' in a multicall entry");
            start = i + 1;
        }
        return new Multicall(calls);
    }

    private MmuextOp.Op mmuextCommand(Tokens.Word name, Args a) throws TraceSyntaxException {
        MmuextOp.Op op;
        String n = name.text();
        if (n.matches("pin_l-?\\d+_table")) op = new MmuextOp.Pin(integer(new Tokens.Word(n.substring(5, n.length() - 6), name.column() + 5)), a.num("mfn"));
        else if (n.equals("unpin_table")) op = new MmuextOp.Unpin(a.num("mfn"));
        else if (n.equals("new_baseptr")) op = new MmuextOp.NewBaseptr(a.num("mfn"));
        else if (n.equals("new_user_baseptr")) op = new MmuextOp.NewUserBaseptr(a.num("mfn"));
        else if (n.equals("tlb_flush_local")) op = new MmuextOp.TlbFlushLocal();
        else if (n.equals("invlpg_local")) op = new MmuextOp.InvlpgLocal(a.va("va"));
        else if (n.equals("tlb_flush_all")) op = new MmuextOp.TlbFlushAll();
        else if (n.equals("invlpg_all")) op = new MmuextOp.InvlpgAll(a.va("va"));
        else if (n.equals("clear_page")) op = new MmuextOp.ClearPage(a.num("mfn"));
        else if (n.equals("flush_cache")) op = new MmuextOp.FlushCache();
        else if (n.equals("flush_cache_global")) op = new MmuextOp.FlushCacheGlobal();
        else if (n.equals("tlb_flush_multi")) op = new MmuextOp.TlbFlushMulti(a.num("vcpumask"));
        else if (n.equals("invlpg_multi")) op = new MmuextOp.InvlpgMulti(a.va("va"), a.num("vcpumask"));
        else if (n.equals("copy_page")) op = new MmuextOp.CopyPage(a.num("mfn"), a.num("src_mfn"));
        else if (n.equals("set_ldt")) op = new MmuextOp.SetLdt(a.va("va"), a.num("ents"));
        else if (n.equals("mark_super")) op = new MmuextOp.MarkSuper(a.num("mfn"));
        else if (n.equals("unmark_super")) op = new MmuextOp.UnmarkSuper(a.num("mfn"));
        else if (n.startsWith("cmd=")) op = new MmuextOp.Unknown(integer(new Tokens.Word(n.substring(4), name.column() + 4)), a.has("arg") ? a.num("arg") : 0);
        else throw error(name.column(), "unknown mmuext command '" + n + "'");
        a.done();
        return op;
    }

    private SetTrapTable setTrapTable(Tokens t) throws TraceSyntaxException {
        List<TrapInfo> traps = new ArrayList<>();
        for (Tokens.Word w : t.untilArrow()) {
            if (!w.text().startsWith("trap=")) throw error(w.column(), "expected trap=VECTOR,DPL,CS,ADDRESS, found '" + w.text() + "'");
            String[] f = w.text().substring(5).split(",", -1);
            if (f.length != 4) throw error(w.column() + 5, "expected trap=VECTOR,DPL,CS,ADDRESS");
            int col = w.column() + 5;
            long[] v = new long[4];
            for (int i = 0; i < 4; i++) {
                Tokens.Word part = new Tokens.Word(f[i], col);
                v[i] = i == 3 ? new Args(this, config, List.of(), t.endColumn()).va(part) : number(part);
                if (i < 3 && (v[i] < Integer.MIN_VALUE || v[i] > Integer.MAX_VALUE)) throw error(col, "number out of range: " + f[i]);
                col += f[i].length() + 1;
            }
            traps.add(new TrapInfo((int) v[0], (int) v[1], (int) v[2], v[3]));
        }
        return new SetTrapTable(traps);
    }

    private EventChannelOp eventChannelOp(Tokens t, Tokens.Word sub) throws TraceSyntaxException {
        EventChannelOp h;
        switch (sub.text()) {
            case "alloc_unbound": { Args a = args(t); h = new EventChannelOp.AllocUnbound(a.domid("dom"), a.domid("remote_dom")); a.done(); break; }
            case "bind_interdomain": { Args a = args(t); h = new EventChannelOp.BindInterdomain(a.domid("remote_dom"), a.integer("remote_port")); a.done(); break; }
            case "bind_virq": { Args a = args(t); h = new EventChannelOp.BindVirq(a.integer("virq"), a.integer("vcpu")); a.done(); break; }
            case "bind_ipi": { Args a = args(t); h = new EventChannelOp.BindIpi(a.integer("vcpu")); a.done(); break; }
            case "close": { Args a = args(t); h = new EventChannelOp.Close(a.integer("port")); a.done(); break; }
            case "send": { Args a = args(t); h = new EventChannelOp.Send(a.integer("port")); a.done(); break; }
            case "unmask": { Args a = args(t); h = new EventChannelOp.Unmask(a.integer("port")); a.done(); break; }
            case "status": { Args a = args(t); h = new EventChannelOp.Status(a.domid("dom"), a.integer("port")); a.done(); break; }
            case "bind_vcpu": { Args a = args(t); h = new EventChannelOp.BindVcpu(a.integer("port"), a.integer("vcpu")); a.done(); break; }
            case "reset":
            case "reset_cont": { Args a = args(t); h = new EventChannelOp.Reset(a.domid("dom"), sub.text().equals("reset_cont")); a.done(); break; }
            default: h = new EventChannelOp.Unknown(unknownCmd(sub, t, "event_channel_op"));
        }
        return h;
    }

    private GrantTableOp grantTableOp(Tokens t, Tokens.Word sub) throws TraceSyntaxException {
        GrantTableOp h;
        switch (sub.text()) {
            case "map_grant_ref": {
                Args a = args(t);
                h = new GrantTableOp.MapGrantRef(a.domid("dom"), a.integer("ref"), (int) a.bits("flags", GNTMAP_FLAGS), a.address("host_va"));
                a.done();
                break;
            }
            case "unmap_grant_ref": {
                Args a = args(t);
                h = new GrantTableOp.UnmapGrantRef(a.integer("handle"), a.address("host_va"), a.has("dev_bus_addr") ? a.address("dev_bus_addr") : 0);
                a.done();
                break;
            }
            case "unmap_and_replace": {
                Args a = args(t);
                h = new GrantTableOp.UnmapAndReplace(a.integer("handle"), a.address("host_va"), a.va("new_va"));
                a.done();
                break;
            }
            case "transfer": {
                Args a = args(t);
                h = new GrantTableOp.Transfer(a.num("mfn"), a.domid("domid"), a.integer("ref"));
                a.done();
                break;
            }
            case "setup_table": {
                Args a = args(t);
                h = new GrantTableOp.SetupTable(a.domid("dom"), a.num("nr_frames"), a.linear("frame_list"));
                a.done();
                break;
            }
            case "query_size": {
                Args a = args(t);
                h = new GrantTableOp.QuerySize(a.domid("dom"));
                a.done();
                break;
            }
            case "copy": {
                Args a = args(t);
                h = new GrantTableOp.Copy((int) a.bits("flags", GNTCOPY_FLAGS), a.num("source"), a.domid("source_dom"), a.integer("source_offset"),
                        a.num("dest"), a.domid("dest_dom"), a.integer("dest_offset"), a.integer("len"));
                a.done();
                break;
            }
            case "set_version": { Args a = args(t); h = new GrantTableOp.SetVersion(a.num("version")); a.done(); break; }
            case "get_version": { Args a = args(t); h = new GrantTableOp.GetVersion(a.domid("dom")); a.done(); break; }
            case "get_status_frames": {
                Args a = args(t);
                h = new GrantTableOp.GetStatusFrames(a.domid("dom"), a.num("nr_frames"), a.linear("frame_list"));
                a.done();
                break;
            }
            case "swap_grant_ref": {
                Args a = args(t);
                h = new GrantTableOp.SwapGrantRef(a.integer("ref_a"), a.integer("ref_b"));
                a.done();
                break;
            }
            default: h = new GrantTableOp.Unknown(unknownCmd(sub, t, "grant_table_op"));
        }
        return h;
    }

    private MemoryOp memoryOp(Tokens t, Tokens.Word sub) throws TraceSyntaxException {
        MemoryOp h;
        switch (sub.text()) {
            case "populate_physmap":
            case "increase_reservation": { Args a = args(t); h = new MemoryOp.PopulatePhysmap(a.domid("dom"), a.num("count")); a.done(); break; }
            case "decrease_reservation": { Args a = args(t); h = new MemoryOp.DecreaseReservation(a.domid("dom"), a.numbers("mfns")); a.done(); break; }
            case "exchange": {
                Args a = args(t);
                int dom = a.domid("dom");
                h = new MemoryOp.Exchange(dom, a.numbers("in"), a.integer("in_order"), a.num("out_nr"), a.integer("out_order"),
                        a.has("out_dom") ? a.domid("out_dom") : dom, a.has("nr_exchanged") ? a.num("nr_exchanged") : 0);
                a.done();
                break;
            }
            case "maximum_reservation": { Args a = args(t); h = new MemoryOp.MaximumReservation(a.domid("dom")); a.done(); break; }
            case "current_reservation": { Args a = args(t); h = new MemoryOp.CurrentReservation(a.domid("dom")); a.done(); break; }
            default: h = new MemoryOp.Unknown(unknownCmd(sub, t, "memory_op"));
        }
        return h;
    }

    private Domctl domctl(Tokens t, Tokens.Word sub) throws TraceSyntaxException {
        Domctl h;
        switch (sub.text()) {
            case "createdomain": { Args a = args(t); h = new Domctl.CreateDomain(a.num("max_pages"), a.integer("vcpus")); a.done(); break; }
            case "destroydomain": {
                List<Tokens.Word> words = new ArrayList<>(t.untilArrow());
                int preempt = preemptPoint(words);
                Args a = new Args(this, config, words, t.endColumn());
                h = new Domctl.DestroyDomain(a.domid("dom"), preempt);
                a.done();
                break;
            }
            case "pausedomain": { Args a = args(t); h = new Domctl.PauseDomain(a.domid("dom")); a.done(); break; }
            case "unpausedomain": { Args a = args(t); h = new Domctl.UnpauseDomain(a.domid("dom")); a.done(); break; }
            case "max_mem": { Args a = args(t); h = new Domctl.MaxMem(a.domid("dom"), a.num("pages")); a.done(); break; }
            default: h = new Domctl.Unknown(unknownCmd(sub, t, "domctl"));
        }
        return h;
    }

    private CallbackOp callbackOp(Tokens t, Tokens.Word sub) throws TraceSyntaxException {
        CallbackOp h;
        switch (sub.text()) {
            case "register": {
                Args a = args(t);
                h = new CallbackOp.Register((int) a.bits("type", CALLBACK_TYPES), a.has("flags") ? (int) a.bits("flags", CALLBACK_FLAGS) : 0, a.va("address"));
                a.done();
                break;
            }
            case "unregister": {
                Args a = args(t);
                h = new CallbackOp.Unregister((int) a.bits("type", CALLBACK_TYPES));
                a.done();
                break;
            }
            default: h = new CallbackOp.Unknown(unknownCmd(sub, t, "callback_op"));
        }
        return h;
    }

    private SchedOp schedOp(Tokens t, Tokens.Word sub) throws TraceSyntaxException {
        SchedOp h;
        switch (sub.text()) {
            case "yield": h = new SchedOp.Yield(); args(t).done(); break;
            case "block": h = new SchedOp.Block(); args(t).done(); break;
            case "shutdown": h = new SchedOp.Shutdown(); args(t).done(); break;
            default: h = new SchedOp.Unknown(unknownCmd(sub, t, "sched_op"));
        }
        return h;
    }

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");
    private static final Pattern HEX = Pattern.compile("-?0[xX][0-9a-fA-F]+");

    /**
     * A number: decimal ({@code -9223372036854775808} to {@code 9223372036854775807}) or hex
     * ({@code 0x}, up to 64 bits, read as the bits of a long). ASCII digits only: Java's own
     * parsers would also take other scripts' digits, and one sign only.
     */
    long number(Tokens.Word w) throws TraceSyntaxException {
        String s = w.text();
        try {
            if (DECIMAL.matcher(s).matches()) return Long.parseLong(s);
            if (HEX.matcher(s).matches()) {
                boolean neg = s.startsWith("-");
                long v = Long.parseUnsignedLong(s.substring(neg ? 3 : 2), 16);
                return neg ? -v : v;
            }
        } catch (NumberFormatException e) {
            throw error(w.column(), "number out of range (64 bits): '" + s + "'");
        }
        throw error(w.column(), "expected a number, found '" + s + "' (ASCII digits, or 0x and hex digits)");
    }

    int integer(Tokens.Word w) throws TraceSyntaxException {
        long v = number(w);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw error(w.column(), "number out of range (32 bits): " + w.text());
        return (int) v;
    }

    private static Map<String, Long> names(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Long) kv[i + 1]);
        return m;
    }
}
