package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pvspec.model.abi.TrapInfo;
import pvspec.model.rules.TrapRules;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.Segments;
import pvspec.model.state.State;
import pvspec.model.state.TrapBounce;
import pvspec.model.state.Vcpu;

/**
 * INV-9 trap-table. Protects the hypervisor's control of privilege on entry to a guest: a guest
 * kernel's handlers run at guest-kernel privilege at canonical addresses (XSA-7: a non-canonical
 * entry point faulted in ring 0), and a software interrupt reaches a handler only if its DPL
 * admits the mode that raised it, except {@code INT3}/{@code INTO}, which Xen bounces as
 * exceptions whatever the DPL (they are recorded as exceptions, not software interrupts). The
 * same for the stack and segments a guest sets by hypercall: the kernel stack selector and the
 * user %gs selector never carry a ring-0 RPL ({@code stack_switch}, {@code set_segment_base}), and
 * the segment bases Xen loads are canonical (a non-canonical one faults in Xen's {@code wrmsr}).
 */
public final class TrapTable extends NamedInvariant {
    public TrapTable() {
        super("INV-9", "trap-table",
                "every installed handler is canonical and runs at guest-kernel privilege (never ring 0); "
                        + "a software interrupt is delivered only if its DPL allows, except INT3/INTO, which Xen delivers whatever the DPL; "
                        + "the kernel stack and user %gs selectors are never ring 0 and every segment base is canonical");
    }

    @Override
    public List<Violation> check(Facts facts) {
        State s = facts.state();
        Config c = s.config();
        List<Violation> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            for (int v = 0; v < d.vcpus().size(); v++) {
                Vcpu vc = d.vcpu(v);
                for (Map.Entry<Integer, TrapInfo> e : vc.traps().entrySet()) {
                    TrapInfo t = e.getValue();
                    if (t.vector() != e.getKey() || t.dpl() < 0 || t.dpl() > 3) out.add(Violation.of(clause("well-formed"), "d" + d.id() + " vCPU " + v + " vector " + e.getKey() + " has a malformed entry " + t));
                    handler(c, d, "vCPU " + v + " vector " + e.getKey(), t, out);
                }
                for (long cb : vc.callbacks().addresses()) {
                    if (cb != 0 && !TrapRules.guestAddress(c, cb)) out.add(Violation.of(clause("callback-canonical"), "d" + d.id() + " vCPU " + v + " has a callback at " + cb + ", not canonical"));
                }
                segments(c, "d" + d.id() + " vCPU " + v, vc.segments(), out);
                if (vc.lastTrap().isEmpty()) continue;
                TrapBounce b = vc.lastTrap().get();
                handler(c, d, "the bounce of vector " + b.vector() + " on vCPU " + v, b.handler(), out);
                if (b.software() && !TrapRules.permitSoftint(b.handler().dpl(), b.mode())) {
                    out.add(Violation.of(clause("softint-dpl"), "d" + d.id() + " vCPU " + v + " got software interrupt " + b.vector() + " from " + b.mode() + " mode through DPL " + b.handler().dpl()));
                }
            }
        }
        return out;
    }

    private void segments(Config c, String who, Segments sg, List<Violation> out) {
        if ((sg.kernelSs() & 3) != TrapRules.GUEST_KERNEL_RPL) {
            out.add(Violation.of(clause("stack-guest-ring"), who + " has kernel stack selector 0x" + Long.toHexString(sg.kernelSs()) + ", RPL " + (sg.kernelSs() & 3)));
        }
        if (sg.gsUserSel() > 3 && (sg.gsUserSel() & 3) != 3) {
            out.add(Violation.of(clause("stack-guest-ring"), who + " has user %gs selector 0x" + Long.toHexString(sg.gsUserSel()) + ", RPL " + (sg.gsUserSel() & 3)));
        }
        for (long base : new long[] {sg.fsBase(), sg.gsBaseKernel(), sg.gsBaseUser()}) {
            if (!c.canonical(base)) out.add(Violation.of(clause("segment-base-canonical"), who + " has segment base " + base + ", not canonical"));
        }
    }

    private void handler(Config c, Domain d, String what, TrapInfo t, List<Violation> out) {
        if (t.address() == 0 || !TrapRules.guestAddress(c, t.address())) {
            out.add(Violation.of(clause("handler-canonical"), "d" + d.id() + " " + what + ": handler address " + t.address() + " is not canonical"));
        }
        if (t.rpl() != TrapRules.GUEST_KERNEL_RPL) {
            out.add(Violation.of(clause("handler-guest-ring"), "d" + d.id() + " " + what + ": handler runs in ring " + t.rpl() + ", not guest-kernel ring " + TrapRules.GUEST_KERNEL_RPL));
        }
    }
}
