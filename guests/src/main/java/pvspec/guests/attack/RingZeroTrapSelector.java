package pvspec.guests.attack;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.abi.TrapInfo;
import pvspec.model.rules.TrapRules;

/**
 * A guest installs a handler with Xen's own ring-0 code selector ({@code __HYPERVISOR_CS},
 * 0xe008) to have its code run with hypervisor privilege. Xen does not refuse: it silently
 * raises the selector's RPL to the guest kernel's ({@code fixup_guest_code_selector}), ring 3
 * for a 64-bit PV guest. So the request succeeds, and the refusal is in the state: the handler
 * runs in ring 3, and a user {@code INT} on its DPL-0 vector still faults.
 */
public final class RingZeroTrapSelector implements Attack {
    /** Xen's own code selector, ring 0. */
    static final int HYPERVISOR_CS = 0xe008;

    @Override
    public AttackInfo info() {
        return new AttackInfo("ring0-trap-selector", "-", "guest handler at ring 0",
                "install a page-fault handler with the hypervisor's ring-0 code selector, then raise it from user mode",
                "OK, but the selector is raised to RPL 3 (0xe00b); the user INT on the DPL-0 vector faults");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        long text = g.va(g.data(0));
        s.attempt(g.hp(), Calls.setTrapTable(List.of(new TrapInfo(14, 0, HYPERVISOR_CS, text))), Result.OK);
        s.attempt(g.hp().user(), Calls.softInt(14), Result.FAULT);
        s.postcondition("the handler runs in the guest kernel's ring 3 with selector 0xe00b", st -> {
            TrapInfo t = st.dom(g.domid()).vcpu(0).traps().get(14);
            return t.rpl() == TrapRules.GUEST_KERNEL_RPL && t.cs() == (HYPERVISOR_CS | 3) && t.address() == text;
        });
        s.postcondition("the user INT was not delivered to the handler",
                st -> st.dom(g.domid()).vcpu(0).lastTrap().map(b -> !b.software()).orElse(true));
    }
}
