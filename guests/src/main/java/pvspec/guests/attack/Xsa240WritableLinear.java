package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;

/**
 * Linear-page-table rule 1 (enforced since linear tables exist, and central to XSA-240/182): a
 * writable linear entry would give the guest write access to its own page tables.
 */
public final class Xsa240WritableLinear implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("writable-linear-entry", "XSA-240", "writable linear page table",
                "map a pinned top-level table x, and the top-level table itself, through writable linear entries",
                "EINVAL: a linear entry must be read-only");
    }

    @Override
    public void run(AttackScript s) {
        LinearTables t = LinearTables.setUp(s);
        s.attempt(t.guest().hp(), Calls.mmuUpdate(t.y(), 0, pte(t.x(), P, RW, US)), batch(EINVAL));
        s.attempt(t.guest().hp(), Calls.mmuUpdate(t.y(), 1, pte(t.y(), P, RW, US)), batch(EINVAL));
        s.postcondition("y holds nothing", st -> st.frame(t.y()).entry(0) == 0 && st.frame(t.y()).entry(1) == 0);
    }
}
