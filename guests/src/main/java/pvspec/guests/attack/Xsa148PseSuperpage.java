package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.PSE;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;

/**
 * XSA-148: the L2 fast path ignored PSE, letting a guest make a writable superpage over frames
 * Xen keeps read-only (its own page tables). PSE is disallowed in every upper level.
 */
public final class Xsa148PseSuperpage implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("pse-superpage", "XSA-148", "writable superpage over page tables",
                "write an L2 entry with PSE|RW that would map its L1 table as a 2 MiB page",
                "EINVAL: PSE is in the L2/L3/L4 disallow mask");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 2);
        int slot = g.freeTopSlot();
        s.attempt(g.hp(), Calls.mmuUpdate(g.top(), slot, pte(g.l1(0), P, RW, US, PSE)), batch(EINVAL));
        s.attempt(g.hp(), Calls.mmuUpdate(g.top(), 0, pte(g.l1(0), P, RW, US, PSE)), batch(EINVAL));
        s.postcondition("the top-level table holds no PSE entry",
                st -> st.frame(g.top()).entry(slot) == 0 && Expect.storedAs(st.frame(g.top()).entry(0), pte(g.l1(0), P, RW, US)));
    }
}
