package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;

/**
 * XSA-240's second rule: a linear entry may only point to a table of the same domain;
 * otherwise one guest walks (and, through de-typing, manipulates) another's page tables.
 */
public final class CrossDomainLinear implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("cross-domain-linear", "XSA-240", "cross-domain linear page table",
                "point a read-only linear entry of its top-level table at another domain's top-level table",
                "EINVAL: a linear entry must point to a table of the same owner");
    }

    @Override
    public void run(AttackScript s) {
        Guest attacker = s.guest(6, 0);
        Guest victim = s.guest(4, 0);
        int slot = attacker.freeTopSlot();
        s.attempt(attacker.hp(), Calls.mmuUpdate(attacker.top(), slot, pte(victim.top(), P, US)), batch(EINVAL));
        s.postcondition("the victim's table gained no reference from the attacker",
                st -> st.frame(attacker.top()).entry(slot) == 0);
    }
}
