package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.UpdateVaMapping;

/**
 * The core of PV memory safety: a guest that could map one of its own page tables writable
 * could write any entry it likes, unvalidated. The writable type and a page-table type exclude
 * each other, so the new entry cannot take the writable type.
 */
public final class WritablePageTableMapping implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("writable-pagetable-mapping", "-", "page table writable by its guest (type exclusion)",
                "map its own L1 and top-level table writable via mmu_update and update_va_mapping",
                "EBUSY: the frame is a page table and cannot take the writable type");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 2);
        s.attempt(g.hp(), Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), pte(g.l1(0), P, RW, US)), batch(EBUSY));
        s.attempt(g.hp(), Calls.updateVaMapping(g.spareVa(1), pte(g.top(), P, RW, US), UpdateVaMapping.UVMF_INVLPG), err(EBUSY));
        s.postcondition("the spare entries are still empty", st -> st.frame(g.spareSlot(0).table()).entry(g.spareSlot(0).index()) == 0
                && st.frame(g.spareSlot(1).table()).entry(g.spareSlot(1).index()) == 0);
    }
}
