package pvspec.guests.attack;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;

/**
 * Kernel translations used by user mode (the split's own guarantee, which XPTI and PCID keep for
 * Meltdown-era kernels): the kernel reads its data, filling the TLB, then returns to user mode
 * on a user root that maps nothing. {@code toggle_guest_mode} loads the user root into CR3
 * (pv/domain.c:454-464), so the kernel's translation is gone: the user read of the same address
 * faults, and the fault enters the kernel again (entry.S:544-551).
 */
public final class KernelTranslationInUserMode implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("kernel-translation-in-user-mode", "-", "kernel TLB entry used in user mode",
                "kernel reads its data (TLB filled), iret to an empty user root, user reads the same address",
                "the user read faults; the vCPU is back in kernel mode");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0, 1);
        long userTop = g.extra().get(0);
        long va = g.va(g.data(0));
        g.hp().ok(Calls.pin(s.config().levels(), userTop));
        g.hp().ok(Calls.newUserBaseptr(userTop));
        g.hp().ok(Calls.read(va));
        s.attempt(g.hp(), Calls.iret(Calls.USER_CS), Result.OK);
        s.attempt(g.hp().user(), Calls.read(va), Result.FAULT);
        s.postcondition("the vCPU is in kernel mode again, with no translation of the kernel's data",
                st -> !st.dom(g.domid()).vcpu(0).userMode() && st.dom(g.domid()).vcpu(0).tlb().isEmpty());
    }
}
