package pvspec.checker.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pvspec.model.state.Config;

/**
 * The bounded domains that request templates draw their arguments from, by name: {@code mfn},
 * {@code pte}, {@code port}, ... Each value is text in the trace format and may itself use
 * placeholders ({@code pte = 0 {mfn}:{flags}}), so domains compose.
 *
 * <p>The defaults follow the configuration: every frame, slot, port, grant reference, handle and
 * vCPU, each plus one value just out of range; every domain id, {@code self} and one id that no
 * domain can have; entries with hostile flag combinations (writable, superpage, accessed-bit
 * fast path) to every frame, which covers writable page tables, foreign frames, hypervisor
 * frames and linear entries. A configuration file overrides any of them with {@code #! let}.
 */
public final class ArgumentDomains {
    private final Map<String, List<String>> values;

    private ArgumentDomains(Map<String, List<String>> values) {
        this.values = values;
    }

    public static ArgumentDomains defaults(Config c) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> callers = new ArrayList<>();
        for (int d = 0; d < c.domains(); d++) callers.add(d == 0 ? "dom0" : "d" + d);
        for (int d = 0; d < c.domains(); d++) callers.add((d == 0 ? "dom0" : "d" + d) + "/user");
        m.put("caller", callers);
        List<String> doms = range(0, c.domains());
        doms.add("self");
        m.put("dom", doms);
        m.put("mfn", range(0, c.frames() + 1));
        m.put("index", range(0, c.entries() + 1));
        m.put("flags", List.of("P|US", "P|RW|US", "P|RW|US|PSE", "P|US|A"));
        m.put("pte", List.of("0", "{mfn}:{flags}"));
        m.put("va", allVas(c));
        m.put("port", range(0, c.ports() + 1));
        m.put("ref", range(0, c.grants() + 1));
        m.put("handle", range(0, c.grants() + 1));
        m.put("vcpu", range(0, c.vcpus() + 1));
        m.put("virq", List.of("0", "5", "11", "24"));
        m.put("vector", List.of("3", "13", "14", "128", "256"));
        m.put("bool", List.of("false", "true"));
        m.put("count", List.of("-1", "1", "2"));
        m.put("pages", List.of("-1", "2", "" + c.frames()));
        m.put("uvm", List.of("none", "invlpg|local", "tlb_flush|all", "3", "9")); // 3: no flush (mm.c:4527); 9: a vCPU-mask pointer, EFAULT after the write
        m.put("vmasst_cmd", List.of("enable", "disable", "2")); // 2: ENOSYS (domain.c:2397)
        m.put("vmasst_type", List.of("writable_pagetables", "m2p_strict", "6", "64")); // 6, 64: EINVAL (:2383)
        m.put("ss", List.of("0xe02b", "0xe028")); // 0xe028: RPL 0, raised to 3 (asm/desc.h:49-56)
        m.put("segbase", List.of("fs", "gs_user", "gs_kernel", "gs_user_sel", "4")); // 4: EINVAL (misc-hypercalls.c:261-263)
        m.put("ptwr_offset", List.of("0", "8", "4")); // 4: unaligned, not emulated (ro-page-fault.c:86-87)
        m.put("gntmap", List.of("host_map", "host_map|readonly", "0", "device_map", "device_map|host_map|readonly"));
        m.put("nr_frames", List.copyOf(new java.util.LinkedHashSet<>(List.of("0", "1", "" + c.grantFrames(), "" + (c.grantFrames() + 1))))); // beyond max_grant_frames: GNTST_general_error
        m.put("gnt_version", List.of("1", "2", "3")); // 3: EINVAL (grant_table.c:3237-3239)
        m.put("copy_offset", List.of("0", "8", "4092")); // 4092 + 8 > PAGE_SIZE: GNTST_bad_copy_arg
        m.put("copy_len", List.of("0", "8", "4097"));
        String guest = pvspec.model.trace.TracePrinter.va(c, 1);
        m.put("addr", List.of("0", guest, hypervisorVa(c), "0x" + Long.toHexString(c.vaPages())));
        m.put("traps", List.of("", "trap=14,0,0xe030,{addr}", "trap=128,3,0xe033," + guest, "trap=300,0,0xe033," + guest,
                "trap=3,4,0xe033," + guest));
        m.put("cbtype", List.of("event", "failsafe", "nmi", "3")); // 3: CALLBACKTYPE_sysenter_deprecated, ENOSYS on x86-64
        m.put("cbflags", List.of("0", "mask_events"));
        m.put("gdtents", List.of("0", "512", "7169")); // 7169: beyond FIRST_RESERVED_GDT_ENTRY
        m.put("descoff", List.of("0", "4")); // 4: misaligned
        // a flat code segment (allowed, DPL raised to 3), a call gate to Xen's selector 0xe008 (refused), a TSS (refused)
        m.put("desc", List.of("0", "0x00af9a000000ffff", "0x0000ec00e0080000", "0x0000890000000067"));
        m.put("ldtents", List.of("0", "1", "8193"));
        return new ArgumentDomains(m);
    }

    /** A copy with domain {@code name} set to {@code vals}. */
    public ArgumentDomains with(String name, List<String> vals) {
        Map<String, List<String>> m = new LinkedHashMap<>(values);
        m.put(name, List.copyOf(vals));
        return new ArgumentDomains(m);
    }

    /** The domains' names, in order. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The raw values of a domain (placeholders unexpanded). */
    public List<String> raw(String name) {
        return values.get(name);
    }

    static List<String> range(int from, int toExclusive) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) out.add(Integer.toString(i));
        return out;
    }

    private static List<String> allVas(Config c) {
        List<String> out = new ArrayList<>();
        for (long va = 0; va < Math.min(c.vaPages(), 64); va++) out.add(pvspec.model.trace.TracePrinter.va(c, va));
        return out;
    }

    private static String hypervisorVa(Config c) {
        int[] idx = new int[c.levels()];
        idx[0] = c.reservedFirst();
        return pvspec.model.trace.TracePrinter.va(c, c.va(idx));
    }
}
