package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;
import pvspec.model.state.Frame;

/**
 * XSA-299 class (type-count underflow): dropping a pin's references that were never taken would
 * free or retype a page table that is still in use. Only a pinned table can be unpinned.
 */
public final class UnpinUnpinned implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("unpin-unpinned", "XSA-299", "type-count underflow",
                "unpin an L1 that is validated (through the top level) but not pinned, and a data frame",
                "EINVAL: the table is not pinned");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        Frame l1 = s.state().frame(g.l1(0));
        s.attempt(g.hp(), Calls.unpin(g.l1(0)), batch(EINVAL));
        s.attempt(g.hp(), Calls.unpin(g.data(0)), batch(EINVAL));
        s.postcondition("the L1 keeps its type and counts", st -> st.frame(g.l1(0)).equals(l1));
    }
}
