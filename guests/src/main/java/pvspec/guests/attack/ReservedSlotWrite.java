package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;

/**
 * Xen's top-level slots (L4 256-271) map the hypervisor into every address space; a guest that
 * rewrote them would redirect the hypervisor's own accesses. {@code mod_l4_entry} refuses
 * non-guest slots.
 */
public final class ReservedSlotWrite implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("reserved-slot-write", "-", "guest writes the hypervisor's top-level slots",
                "point a reserved top-level slot at its own L1 table, then clear it",
                "EINVAL: the slot is reserved for the hypervisor");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        int slot = s.config().reservedFirst();
        long before = s.state().frame(g.top()).entry(slot);
        s.attempt(g.hp(), Calls.mmuUpdate(g.top(), slot, pte(g.l1(0), P, RW, US)), batch(EINVAL));
        s.attempt(g.hp(), Calls.mmuUpdate(g.top(), slot, 0), batch(EINVAL));
        s.postcondition("the slot still holds the hypervisor's entry", st -> before != 0 && st.frame(g.top()).entry(slot) == before);
    }
}
