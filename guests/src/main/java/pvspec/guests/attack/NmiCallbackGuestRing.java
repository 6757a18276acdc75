package pvspec.guests.attack;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.TrapInfo;
import pvspec.model.rules.TrapRules;

/**
 * A guest registers an NMI callback ({@code CALLBACKOP_register}, {@code CALLBACKTYPE_nmi}) and
 * then tries to enter it from user mode with {@code INT 2}. Xen installs the callback as the
 * vCPU's virtual-IDT entry 2 with flags 0 (DPL 0) and the guest kernel's own code selector
 * {@code FLAT_KERNEL_CS} (pv/callback.c:17-41: {@code t->cs}, RPL 3): the handler never runs in
 * ring 0, and a user {@code INT 2} is refused by {@code permit_softint} (a #GP, traps.c:1441-1452).
 */
public final class NmiCallbackGuestRing implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("nmi-callback-guest-ring", "-", "NMI callback at ring 0 or raised from user mode",
                "register an NMI callback, then raise vector 2 from user mode",
                "OK; the entry runs with FLAT_KERNEL_CS (RPL 3) at DPL 0, so the user INT 2 faults");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        long text = g.va(g.data(0));
        s.attempt(g.hp(), Calls.registerCallback(CallbackOp.CALLBACKTYPE_nmi, CallbackOp.CALLBACKF_mask_events, text), Result.OK);
        s.attempt(g.hp().user(), Calls.softInt(TrapRules.NMI), Result.FAULT);
        s.postcondition("the NMI entry runs in the guest kernel's ring 3 with FLAT_KERNEL_CS", st -> {
            TrapInfo t = st.dom(g.domid()).vcpu(0).traps().get(TrapRules.NMI);
            return t != null && t.rpl() == TrapRules.GUEST_KERNEL_RPL && t.cs() == TrapRules.FLAT_KERNEL_CS && t.dpl() == 0 && t.address() == text;
        });
        s.postcondition("the user INT 2 was not delivered to the NMI handler",
                st -> st.dom(g.domid()).vcpu(0).lastTrap().map(b -> !b.software()).orElse(true));
    }
}
