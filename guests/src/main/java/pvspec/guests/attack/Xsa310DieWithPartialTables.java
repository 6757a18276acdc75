package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;

/**
 * XSA-310 class (further issues with restartable type changes, in {@code relinquish_memory}): a
 * guest dies with a table left partially validated (a preempted pin it never continued) and a
 * deferred put (a preempted unpin: {@code old_guest_table}). Destruction finishes the deferred
 * put ({@code vcpu_destroy_pagetables}, mm.c:3220) and devalidates the partial table from
 * {@code nr_validated_ptes} (domain.c:2361-2417), so every reference goes and the domain with it.
 */
public final class Xsa310DieWithPartialTables implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("die-with-partial-tables", "XSA-310", "partial tables of a dying domain",
                "leave one L2 partially validated and another partially devalidated (a deferred put), then be destroyed",
                "restart done=0, restart done=1; destroy OK and the domain is gone with every frame");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0, 2);
        long partial = g.extra().get(0);
        long deferred = g.extra().get(1);
        g.hp().ok(Calls.mmuUpdate(partial, 0, pte(g.l1(0), P, RW, US)));
        g.hp().ok(Calls.mmuUpdate(deferred, 0, pte(g.l1(0), P, RW, US)));
        g.hp().ok(Calls.pin(2, deferred));
        s.attempt(g.hp(), Calls.pin(2, partial).preemptedAt(1), new Result.Restart(0));
        s.attempt(g.hp(), Calls.unpin(deferred).preemptedAt(1), new Result.Restart(1));
        s.attempt(s.dom0(), Calls.destroyDomain(g.domid()), Result.OK);
        s.postcondition("the domain is gone and owns no frame", st -> {
            if (st.domains().containsKey(g.domid())) return false;
            for (var f : st.frames()) if (f.owner() == g.domid()) return false;
            return true;
        });
    }
}
