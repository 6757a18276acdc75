package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.model.abi.Errno.EOPNOTSUPP;

import pvspec.model.abi.MmuextOp;

/**
 * XSA-167: {@code MMUEXT_MARK_SUPER} indexed superpage metadata with an unchecked frame number.
 * PV superpages were removed from Xen; the commands are refused whatever the frame.
 */
public final class Xsa167MarkSuper implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("mark-super", "XSA-167", "unchecked frame number in superpage metadata",
                "MMUEXT_MARK_SUPER on its own frame and on a frame number far beyond memory; UNMARK_SUPER",
                "EOPNOTSUPP: PV superpages were removed");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        s.attempt(g.hp(), MmuextOp.of(new MmuextOp.MarkSuper(g.data(0))), batch(EOPNOTSUPP));
        s.attempt(g.hp(), MmuextOp.of(new MmuextOp.MarkSuper(1L << 40)), batch(EOPNOTSUPP));
        s.attempt(g.hp(), MmuextOp.of(new MmuextOp.UnmarkSuper(g.data(0))), batch(EOPNOTSUPP));
        s.postcondition("the frame is unchanged", st -> st.frame(g.data(0)).owner() == g.domid());
    }
}
