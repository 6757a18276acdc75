package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.Frame;

/**
 * XSA-290 class (a page table's unvalidation without preemption checks: a guest keeps the CPU as
 * long as it likes): a vCPU's deferred put ({@code old_guest_table}) is finished by the first
 * thing its next {@code mmu_update} does, and that put checks for preemption as the unpin that
 * left it did ({@code put_old_guest_table} -> {@code _put_page_type(PTF_preemptible |
 * PTF_partial_set)}, mm.c:4003-4012, 3182-3193, 1880-1888). With the check firing at its first
 * evaluation the call stops before any request and is re-issued as it was: {@code restart done=0},
 * the table still partial; the re-issue finishes it.
 */
public final class Xsa290PreemptibleDeferredPut implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("mmu-update-finishes-put-preemptibly", "XSA-290", "deferred put finished without preemption",
                "build an L2 whose entries name one L1, pin it, unpin it with the first check firing (a deferred put), then mmu_update with the first check firing, then re-issue it",
                "restart done=1 (the unpin), restart done=0 with the table still partial (the mmu_update's put preempted), OK; every count back");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 1, 1);
        long table = g.extra().get(0);
        long l1 = g.l1(0);
        Frame before = s.state().frame(l1);
        g.hp().ok(Calls.mmuUpdate(table, 0, pte(l1, P, RW, US)));
        g.hp().ok(Calls.mmuUpdate(table, 1, pte(l1, P, RW, US)));
        g.hp().ok(Calls.pin(2, table));
        s.attempt(g.hp(), Calls.unpin(table).preemptedAt(1), new Result.Restart(1));
        var write = Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), pte(g.data(0), P, US));
        s.attempt(g.hp(), write.preemptedAt(1), new Result.Restart(0));
        s.attempt(g.hp(), write, Result.OK);
        s.postcondition("the put finished: the L1's counts are back and the table holds only its allocation",
                st -> st.frame(l1).typeCount() == before.typeCount() && st.frame(l1).count() == before.count()
                        && st.frame(table).count() == 1 && st.frame(table).typeCount() == 0 && !st.dom(g.domid()).vcpu(0).hasOldGuestTable());
    }
}
