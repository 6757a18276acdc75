package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Kernel;
import pvspec.model.abi.TrapInfo;

/**
 * A guest points its handlers into the hypervisor's part of the address space, hoping Xen
 * bounces into its own code on the guest's behalf. Xen relies on the bounce running at guest
 * privilege; pvspec refuses such addresses at registration (INV-9).
 */
public final class TrapHandlerInHypervisor implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("trap-handler-in-hypervisor", "-", "guest entry point in the hypervisor range",
                "install a system-call handler and a failsafe callback inside the hypervisor's reserved slot",
                "EINVAL: a handler address must lie in the guest's part of the address space");
    }

    @Override
    public void run(AttackScript s) {
        int d = s.domain(1);
        long xen = Expect.hypervisorVa(s.config());
        s.attempt(s.as(d), Calls.setTrapTable(List.of(new TrapInfo(Kernel.SYSCALL_VECTOR, 3, Kernel.FLAT_KERNEL_CS64, xen))), err(EINVAL));
        s.attempt(s.as(d), Calls.setCallbacks(1, xen), err(EINVAL));
        s.postcondition("no handler and no callback installed",
                st -> st.dom(d).traps().isEmpty() && st.dom(d).failsafeCallback() == 0);
    }
}
