package pvspec.checker.predicate;

import java.util.List;
import java.util.Optional;
import pvspec.model.invariant.Facts;
import pvspec.model.invariant.Reach;
import pvspec.model.rules.Walks;
import pvspec.model.state.Domain;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * Every atom of the predicate language, over the model's state. Access goes through the model's
 * own walks ({@link Reach}, the one INV-3 and INV-8 use, and {@link Walks#translate}, the MMU's),
 * so "writable" here means what it means to the invariants.
 */
public final class Atoms {
    private Atoms() {}

    public static final List<Atom> ALL = List.of(
            new Atom("owner", List.of(Param.FRAME), Type.DOMAIN,
                    "the domain that owns frame F: dom0, d1, ..., xen for the hypervisor's frames, none for a free frame",
                    (f, a) -> f.state().frame(a[0]).owner()),
            new Atom("type", List.of(Param.FRAME), Type.PAGE_TYPE,
                    "frame F's type: none, l1, l2, l3, l4 or writable",
                    (f, a) -> f.state().frame(a[0]).type().ordinal()),
            new Atom("count", List.of(Param.FRAME), Type.NUMBER,
                    "frame F's general reference count (count_info)",
                    (f, a) -> f.state().frame(a[0]).count()),
            new Atom("typecount", List.of(Param.FRAME), Type.NUMBER,
                    "frame F's type reference count",
                    (f, a) -> f.state().frame(a[0]).typeCount()),
            new Atom("pinned", List.of(Param.FRAME), Type.BOOLEAN,
                    "frame F's type is pinned",
                    (f, a) -> bool(f.state().frame(a[0]).pinned())),
            new Atom("alive", List.of(Param.DOMAIN), Type.BOOLEAN,
                    "domain D exists and is not dying",
                    (f, a) -> bool(f.state().isAlive((int) a[0]))),
            new Atom("writable", List.of(Param.DOMAIN, Param.FRAME), Type.BOOLEAN,
                    "some vCPU of D can write frame F: a walk from its base pointer reaches F as data with write permission at every level, or its TLB holds a writable entry for F",
                    (f, a) -> bool(access(f, (int) a[0], a[1], true))),
            new Atom("readable", List.of(Param.DOMAIN, Param.FRAME), Type.BOOLEAN,
                    "some vCPU of D can read frame F: a walk from its base pointer reaches F as data, or its TLB holds an entry for F",
                    (f, a) -> bool(access(f, (int) a[0], a[1], false))),
            new Atom("mapped", List.of(Param.DOMAIN, Param.VA), Type.BOOLEAN,
                    "some vCPU of D translates virtual page VA: through its page tables (as the MMU walks them) or a TLB entry",
                    (f, a) -> bool(mapped(f.state(), (int) a[0], a[1]))),
            new Atom("port", List.of(Param.DOMAIN, Param.PORT), Type.PORT_STATE,
                    "the state of D's port P: free, reserved, unbound, interdomain, virq or ipi (none if D does not exist)",
                    (f, a) -> port(f.state(), (int) a[0], (int) a[1])),
            new Atom("granted", List.of(Param.DOMAIN, Param.REF), Type.BOOLEAN,
                    "D's grant entry REF permits access (GTF_permit_access)",
                    (f, a) -> bool(f.state().domain((int) a[0]).map(d -> d.grants().get((int) a[1]).permitsAccess()).orElse(false))));

    public static Optional<Atom> named(String name) {
        for (Atom a : ALL) if (a.name().equals(name)) return Optional.of(a);
        return Optional.empty();
    }

    private static long bool(boolean b) {
        return b ? 1 : 0;
    }

    private static boolean access(Facts f, int dom, long mfn, boolean write) {
        Optional<Domain> d = f.state().domain(dom);
        if (d.isEmpty()) return false;
        for (Vcpu v : d.get().vcpus()) {
            if (v.hasBaseptr()) {
                Boolean w = f.reachFromTop(v.baseptr()).leaves().get(mfn);
                if (w != null && (w || !write)) return true;
            }
            for (TlbEntry e : v.tlb().values()) if (e.mfn() == mfn && (e.writable() || !write)) return true;
        }
        return false;
    }

    private static boolean mapped(State s, int dom, long va) {
        Optional<Domain> d = s.domain(dom);
        if (d.isEmpty()) return false;
        for (Vcpu v : d.get().vcpus()) if (v.tlb().containsKey(va) || Walks.translate(s, v, va).isPresent()) return true;
        return false;
    }

    private static long port(State s, int dom, int p) {
        Optional<Domain> d = s.domain(dom);
        if (d.isEmpty() || !d.get().hasPort(p)) return Type.NO_PORT;
        PortState ps = d.get().port(p).state();
        if (ps instanceof PortState.Free) return 0;
        if (ps instanceof PortState.Reserved) return 1;
        if (ps instanceof PortState.Unbound) return 2;
        if (ps instanceof PortState.Interdomain) return 3;
        return ps instanceof PortState.Virq ? 4 : 5;
    }
}
