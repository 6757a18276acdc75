package pvspec.model.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;

/** Writes requests, callers, entries and addresses in the trace format. */
public final class TracePrinter {
    private TracePrinter() {}

    static String print(Trace t) {
        StringBuilder b = new StringBuilder("# pvspec trace v1\n").append(config(t.config())).append('\n');
        for (TraceStep s : t.steps()) b.append(step(t.config(), s.caller(), s.call(), s.expect())).append('\n');
        return b.toString();
    }

    public static String config(Config c) {
        StringBuilder b = new StringBuilder("config");
        b.append(" levels=").append(c.levels()).append(" entries=").append(c.entries()).append(" frames=").append(c.frames())
                .append(" domains=").append(c.domains()).append(" vcpus=").append(c.vcpus()).append(" ports=").append(c.ports())
                .append(" grants=").append(c.grants());
        Config d = Config.withDefaults(c.levels(), c.entries(), c.frames(), c.domains(), c.vcpus(), c.ports(), c.grants());
        if (c.xenFrames() != d.xenFrames()) b.append(" xen_frames=").append(c.xenFrames());
        if (c.reservedFirst() != d.reservedFirst() || c.reservedCount() != d.reservedCount()) {
            b.append(" reserved=").append(c.reservedFirst()).append("..").append(c.reservedFirst() + c.reservedCount() - 1);
        }
        if (c.grantFrames() != 1) b.append(" grant_frames=").append(c.grantFrames());
        return b.toString();
    }

    /** One trace line. */
    public static String step(Config c, Caller caller, Hypercall h, Optional<Expectation> expect) {
        String line = caller(caller) + ": " + call(c, h);
        return expect.map(e -> line + " -> " + e).orElse(line);
    }

    /** One trace line with the result the request got. */
    public static String step(Config c, Caller caller, Hypercall h, Result r) {
        return step(c, caller, h, Optional.of(Expectation.of(r)));
    }

    public static String caller(Caller c) {
        StringBuilder b = new StringBuilder(c.domain() == 0 ? "dom0" : "d" + c.domain());
        if (c.vcpu() != 0) b.append(".v").append(c.vcpu());
        if (c.isUser()) b.append("/user");
        return b.toString();
    }

    /** The request, as the trace writes it after the caller. */
    public static String call(Config c, Hypercall h) {
        return h.accept(new RequestPrinter(c));
    }

    /** An entry: {@code 0}, {@code mfn:FLAGS} when every set bit is a named flag, or raw hex. */
    public static String pte(long v) {
        if (v == 0) return "0";
        long flags = Pte.flags(v);
        if (flags == 0 || (flags & ~Pte.NAMED_FLAGS) != 0) return "0x" + Long.toHexString(v);
        List<String> names = new ArrayList<>();
        for (PteFlag f : PteFlag.values()) if ((flags & f.mask()) != 0) names.add(f.name());
        return Pte.mfn(v) + ":" + String.join("|", names);
    }

    /** A virtual page: dotted indices when it lies in the address space, a number otherwise. */
    public static String va(Config c, long va) {
        if (!c.canonical(va)) return va < 0 ? Long.toString(va) : "0x" + Long.toHexString(va);
        StringBuilder b = new StringBuilder();
        for (int level = c.levels(); level >= 1; level--) {
            b.append(c.index(va, level));
            if (level > 1) b.append('.');
        }
        return b.toString();
    }

    /** A linear address as {@code Args.linear} reads it: its page, and {@code +BYTES} when not 0. */
    public static String linear(Config c, long a) {
        long bytes = a & 0xFFF;
        return va(c, a >>> 12) + (bytes != 0 ? "+" + bytes : "");
    }

    /** A handler or callback address; 0 ("none") prints as 0. */
    static String address(Config c, long a) {
        return a == 0 ? "0" : va(c, a);
    }

    static String uvmFlags(long f) {
        if ((f & ~7L) != 0 || (f & 3) == 3) return Long.toString(f);
        long type = f & 3;
        String t = type == 0 ? "none" : type == 1 ? "tlb_flush" : "invlpg";
        if ((f & 4) != 0) return t + "|all";
        return type == 0 ? t : t + "|local";
    }

    static String names(long bits, Map<String, Long> names, long raw) {
        if (bits == 0 || raw < 0) return Long.toString(raw);
        List<String> out = new ArrayList<>();
        long rest = bits;
        for (Map.Entry<String, Long> e : names.entrySet()) {
            if ((bits & e.getValue()) != 0) {
                out.add(e.getKey());
                rest &= ~e.getValue();
            }
        }
        return rest == 0 ? String.join("|", out) : Long.toString(raw);
    }

    static String domid(int d) {
        return d == DomId.DOMID_SELF ? "self" : Integer.toString(d);
    }

    static String hex(int v) {
        return v >= 0 ? "0x" + Integer.toHexString(v) : Integer.toString(v);
    }
}
