package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;

/**
 * XSA-240 (and XSA-309, which reopened it): a loop of linear page tables, top -> x -> top,
 * which de-typing would follow forever.
 */
public final class Xsa240LinearLoop implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("linear-pt-loop", "XSA-240", "linear page-table loop",
                "close the loop top -> x -> top with a read-only linear entry in x",
                "EINVAL: x is a linear target and may not hold a linear entry");
    }

    @Override
    public void run(AttackScript s) {
        LinearTables t = LinearTables.setUp(s);
        s.attempt(t.guest().hp(), Calls.mmuUpdate(t.x(), 1, LinearTables.linear(t.guest().top())), batch(EINVAL));
        s.postcondition("x still holds nothing", st -> st.frame(t.x()).entry(1) == 0);
    }
}
