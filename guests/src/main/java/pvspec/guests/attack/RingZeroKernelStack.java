package pvspec.guests.attack;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Segments;

/**
 * A guest asks for Xen's own ring-0 selectors as its kernel stack and user %gs: the kernel
 * stack segment is what Xen loads when it enters the guest kernel from user mode, so a ring-0
 * SS there would run the guest on a hypervisor segment. Xen never refuses: it raises the RPL to
 * the guest kernel's ({@code fixup_guest_stack_selector} in {@code do_stack_switch},
 * pv/misc-hypercalls.c:160-167, asm/desc.h:49-56) and forces RPL 3 on a non-NUL user %gs
 * selector ({@code SEGBASE_GS_USER_SEL}, :214-216), directly and from a multicall.
 */
public final class RingZeroKernelStack implements Attack {
    /** {@code __HYPERVISOR_DS64} and {@code __HYPERVISOR_CS64}: Xen's ring-0 data and code selectors. */
    private static final long XEN_DS = 0xe010;
    private static final long XEN_CS = 0xe008;

    @Override
    public AttackInfo info() {
        return new AttackInfo("ring0-kernel-stack", "-", "ring-0 segment selector",
                "stack_switch to Xen's ring-0 data selector (also in a multicall); load Xen's code selector as the user %gs",
                "OK, with the RPLs raised to 3: neither selector is ever ring 0");
    }

    @Override
    public void run(AttackScript s) {
        int d = s.domain(1);
        s.attempt(s.as(d), Calls.stackSwitch(XEN_DS, 1), Result.OK);
        s.attempt(s.as(d), Calls.multicall(Calls.stackSwitch(XEN_DS & ~3L, 2)), new Result.Multi(List.of(Reply.of(Result.OK))));
        s.attempt(s.as(d), Calls.setSegmentBase(SetSegmentBase.GS_USER_SEL, XEN_CS), Result.OK);
        s.postcondition("the kernel stack selector is 0xe013 and the user %gs 0xe00b", st -> {
            Segments sg = st.dom(d).vcpu(0).segments();
            return sg.kernelSs() == (XEN_DS | 3) && sg.kernelSp() == 2 && sg.gsUserSel() == (XEN_CS | 3);
        });
    }
}
