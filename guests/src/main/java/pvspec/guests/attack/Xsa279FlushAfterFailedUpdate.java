package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Vcpu;

/**
 * XSA-279: {@code update_va_mapping} went on to flush after refusing a non-canonical address,
 * and the flush instruction faulted inside Xen (host crash). A refused request has no effect at
 * all: not even the flush it asked for.
 */
public final class Xsa279FlushAfterFailedUpdate implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("flush-after-failed-update", "XSA-279", "acting on unvalidated input after a failure",
                "update_va_mapping at a non-canonical address with UVMF_INVLPG and with UVMF_TLB_FLUSH|UVMF_ALL",
                "EINVAL, and no flush happens");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        g.hp().ok(Calls.write(g.va(g.data(0))));
        Vcpu before = s.state().dom(g.domid()).vcpu(0);
        long bad = s.config().vaPages() + 1;
        s.attempt(g.hp(), Calls.updateVaMapping(bad, 0, UpdateVaMapping.UVMF_INVLPG), err(EINVAL));
        s.attempt(g.hp(), Calls.updateVaMapping(bad, 0, UpdateVaMapping.UVMF_TLB_FLUSH | UpdateVaMapping.UVMF_ALL), err(EINVAL));
        s.postcondition("the TLB still holds the translation", st -> st.dom(g.domid()).vcpu(0).tlb().equals(before.tlb()) && !before.tlb().isEmpty());
    }
}
