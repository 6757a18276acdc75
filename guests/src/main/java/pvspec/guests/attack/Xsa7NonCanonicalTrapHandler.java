package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Kernel;
import pvspec.model.abi.TrapInfo;

/**
 * XSA-7: Xen returned to a guest-supplied non-canonical address and faulted in ring 0. Since
 * then every trap-table and callback address must be canonical when it is registered:
 * {@code do_set_trap_table} refuses one (pv/callback.c:365-366), {@code set_callbacks} ignores it
 * and returns 0 (pv/callback.c:56-57, :170-192).
 */
public final class Xsa7NonCanonicalTrapHandler implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("non-canonical-trap-handler", "XSA-7", "non-canonical guest entry point",
                "install a page-fault handler, and an event callback, at non-canonical addresses",
                "EINVAL for the trap table; the callback is ignored (0): a handler address must be canonical");
    }

    @Override
    public void run(AttackScript s) {
        int d = s.domain(1);
        long nonCanonical = s.config().vaPages();
        s.attempt(s.as(d), Calls.setTrapTable(List.of(new TrapInfo(14, 0, Kernel.FLAT_KERNEL_CS64, nonCanonical))), err(EINVAL));
        s.attempt(s.as(d), Calls.setTrapTable(List.of(new TrapInfo(13, 0, Kernel.FLAT_KERNEL_CS64, -4096))), err(EINVAL));
        s.attempt(s.as(d), Calls.setCallbacks(nonCanonical, 0), pvspec.model.abi.Result.OK);
        s.postcondition("no handler and no callback installed",
                st -> st.dom(d).vcpu(0).traps().isEmpty() && st.dom(d).vcpu(0).callbacks().event() == 0);
    }
}
