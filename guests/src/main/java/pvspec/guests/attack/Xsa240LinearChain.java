package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;

/**
 * XSA-240: chains of linear page tables (A maps B maps C ...) made de-typing recurse without
 * bound. Linear use is one level deep: a linear target may not hold linear entries, and a table
 * holding them may not be a target.
 */
public final class Xsa240LinearChain implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("linear-pt-chain", "XSA-240", "unbounded linear page-table recursion",
                "extend top -> x (linear) with x -> y, and make y -> top",
                "EINVAL: linear page tables are one level only");
    }

    @Override
    public void run(AttackScript s) {
        LinearTables t = LinearTables.setUp(s);
        s.attempt(t.guest().hp(), Calls.mmuUpdate(t.x(), 0, LinearTables.linear(t.y())), batch(EINVAL));
        s.attempt(t.guest().hp(), Calls.mmuUpdate(t.y(), 0, LinearTables.linear(t.guest().top())), batch(EINVAL));
        s.postcondition("x and y hold no linear entries", st -> st.frame(t.x()).entry(0) == 0 && st.frame(t.y()).entry(0) == 0);
    }
}
