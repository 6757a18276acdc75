package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EPERM;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.kernel.Kernel;
import pvspec.model.abi.DomId;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.State;

/**
 * XSA-213: a multicall kept running after an IRET hypercall switched the vCPU to user mode,
 * so user code ran hypercalls (64-bit PV guest breakout). Hypercalls are accepted only from
 * guest kernel mode.
 */
public final class Xsa213UserModeHypercall implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("user-mode-hypercall", "XSA-213", "hypercall from guest user mode",
                "from user mode: remap its page tables, replace the trap table, allocate a port, grab memory",
                "EPERM for every one; nothing changes");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 2);
        HypercallPage user = g.hp().user();
        State before = s.state();
        s.attempt(user, Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), 0), batch(EPERM));
        s.attempt(user, Calls.newBaseptr(g.top()), batch(EPERM));
        s.attempt(user, Calls.setTrapTable(List.of(new TrapInfo(14, 3, Kernel.FLAT_KERNEL_CS64, g.va(g.data(0))))), err(EPERM));
        s.attempt(user, Calls.allocUnbound(DomId.DOM0), err(EPERM));
        s.attempt(user, Calls.populatePhysmap(Calls.SELF, 1), err(EPERM));
        s.postcondition("the machine is exactly as before the attack", st -> st.equals(before));
    }
}
