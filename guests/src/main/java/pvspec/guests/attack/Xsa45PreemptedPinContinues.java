package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.Frame;

/**
 * XSA-45 (long-latency operations made preemptible) and its follow-ups XSA-58 and XSA-299: a pin
 * whose validation is preempted leaves the table {@code PGT_partial}, its validated entries
 * holding their references; the continuation resumes at {@code nr_validated_ptes}
 * (mm.c:2991-3002, 1424-1429) and drops the partial state's reference (mm.c:3136-3142). A
 * continuation that re-validated from entry 0 would take the first entry's references twice; one
 * that dropped the partial reference twice would free a frame still in use. After the pin and an
 * unpin, every count is back where it was.
 */
public final class Xsa45PreemptedPinContinues implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("preempted-pin-continues", "XSA-45", "references of a preempted validation",
                "build an L2 whose two entries name the same L1, pin it with the first preemption check firing, re-issue the pin, unpin",
                "restart done=0, then OK: the L1 holds exactly two more type references while pinned, none after");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0, 1);
        long table = g.extra().get(0);
        long l1 = g.l1(0);
        g.hp().ok(Calls.mmuUpdate(table, 0, pte(l1, P, RW, US)));
        g.hp().ok(Calls.mmuUpdate(table, 1, pte(l1, P, RW, US)));
        Frame before = s.state().frame(l1);
        s.attempt(g.hp(), Calls.pin(2, table).preemptedAt(1), new Result.Restart(0));
        s.attempt(g.hp(), Calls.pin(2, table), Result.OK);
        s.attempt(g.hp(), Calls.unpin(table), Result.OK);
        s.postcondition("after the unpin the L1's counts are back and the table holds only its allocation",
                st -> st.frame(l1).typeCount() == before.typeCount() && st.frame(l1).count() == before.count()
                        && st.frame(table).count() == 1 && st.frame(table).typeCount() == 0);
    }
}
