package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;

/**
 * XSA-213 (XTF {@code tests/xsa-213}): before the fix a multicall went on after an
 * {@code HYPERVISOR_iret} entry had switched the vCPU to user mode, so the entries after it ran
 * as hypercalls from user code, whose reference counting assumes kernel mode. The guest, with a
 * user root, issues a multicall whose first entry returns to user mode and whose second maps a
 * data frame into its spare slot. Xen ends the multicall after the iret ({@code mc_exit},
 * pv/hypercall.c:114): only the iret runs.
 */
public final class Xsa213IretInMulticall implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("iret-in-multicall", "XSA-213", "hypercall after a mode switch",
                "multicall: iret to user mode, then an mmu_update (XTF xsa-213's iret + xen_version)",
                "[OK]: the multicall ends at the iret; the mmu_update does not run");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 1);
        g.hp().ok(Calls.newUserBaseptr(g.top()));
        long slot = pte(g.data(0), P, RW, US);
        s.attempt(g.hp(), Calls.multicall(Calls.iret(Calls.USER_CS), Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), slot)),
                new Result.Multi(List.of(Reply.of(Result.OK))));
        s.postcondition("the spare slot is still empty and the vCPU runs in user mode",
                st -> st.frame(g.spareSlot(0).table()).entry(g.spareSlot(0).index()) == 0 && st.dom(g.domid()).vcpu(0).userMode());
    }
}
