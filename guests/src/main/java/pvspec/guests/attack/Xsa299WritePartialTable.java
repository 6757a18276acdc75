package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Pte;
import pvspec.model.abi.Result;

/**
 * XSA-299 class: between a preempted validation and its continuation the guest runs, and the
 * partially validated table must stay a page table to it. {@code mmu_update} of one of its entries
 * fails ({@code page_lock} needs {@code PGT_validated}, mm.c:2054-2057; the writable-type
 * fallback fails on the L2 type, mm.c:4190), and so does a writable mapping of it
 * ({@code get_page_from_l1e}, mm.c:1001-1007). A hypervisor that wrote the partial table as
 * ordinary memory would let the guest plant an entry validation never sees.
 */
public final class Xsa299WritePartialTable implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("write-partial-table", "XSA-299", "partially validated table written",
                "pin an L2 with the first preemption check firing; write one of its entries; map it writable; re-issue the pin",
                "restart done=0; EINVAL: not validated; EBUSY: a page table; the pin then completes");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 1, 1);
        long table = g.extra().get(0);
        g.hp().ok(Calls.mmuUpdate(table, 0, pte(g.l1(0), P, RW, US)));
        s.attempt(g.hp(), Calls.pin(2, table).preemptedAt(1), new Result.Restart(0));
        s.attempt(g.hp(), Calls.mmuUpdate(table, 1, pte(g.data(0), P, RW, US)), batch(EINVAL));
        s.attempt(g.hp(), Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), pte(table, P, RW, US)), batch(EBUSY));
        s.attempt(g.hp(), Calls.pin(2, table), Result.OK);
        s.postcondition("the pinned table holds only the entry validation saw", st -> st.frame(table).entry(1) == Pte.NONE && st.frame(table).isTable(2));
    }
}
