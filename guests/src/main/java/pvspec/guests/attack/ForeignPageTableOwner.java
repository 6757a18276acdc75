package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.UpdateVaMapping;

/**
 * The control domain builds a guest through the foreign forms of the MMU hypercalls: the
 * page-table owner in {@code mmu_update}'s {@code foreigndom >> 16}, {@code mmuext_op}'s
 * {@code foreigndom}, {@code update_va_mapping_otherdomain}. Each is refused to a guest by XSM
 * ({@code xsm_mmu_update} with the table owner, mm.c:4097-4103; {@code xsm_mmuext_op},
 * mm.c:3503-3508; {@code xsm_update_va_mapping}, mm.c:4484-4486); only {@code mmu_update}
 * spares {@code DOMID_IO} (xsm/dummy.h:681), the other two do not.
 */
public final class ForeignPageTableOwner implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("foreign-page-table-owner", "-", "writing or pinning another domain's page tables",
                "write the victim's L1 as its page-table owner; pin and unpin its tables with mmuext_op foreigndom (the victim, DOMID_IO); map its frame with update_va_mapping_otherdomain",
                "EPERM from XSM at each: only the control domain names another domain, DOMID_IO included except for mmu_update");
    }

    @Override
    public void run(AttackScript s) {
        Guest attacker = s.guest(6, 2);
        Guest victim = s.guest(4, 0);
        long l1 = victim.l1(0);
        long writable = pte(victim.data(0), P, RW, US);
        long entry = s.state().frame(l1).entry(3);
        boolean pinned = s.state().frame(victim.top()).pinned();
        s.attempt(attacker.hp(), new MmuUpdate(List.of(new MmuUpdate.Request(l1, 3, writable)), MmuUpdate.foreigndom(victim.domid(), victim.domid())),
                batch(EPERM));
        s.attempt(attacker.hp(), new MmuUpdate(List.of(new MmuUpdate.Request(l1, 3, writable)), MmuUpdate.foreigndom(DomId.DOMID_SELF, victim.domid())),
                batch(EPERM));
        s.attempt(attacker.hp(), new MmuextOp(List.of(new MmuextOp.Unpin(victim.top())), victim.domid()), batch(EPERM));
        s.attempt(attacker.hp(), new MmuextOp(List.of(new MmuextOp.Pin(1, victim.data(0))), DomId.DOMID_IO), batch(EPERM));
        s.attempt(attacker.hp(), UpdateVaMapping.otherdomain(attacker.spareVa(0), pte(victim.data(0), P, US), UpdateVaMapping.UVMF_NONE, victim.domid()),
                err(EPERM));
        s.postcondition("the victim's L1 and pins are as they were", st -> st.frame(l1).entry(3) == entry
                && st.frame(victim.top()).pinned() == pinned
                && st.frame(attacker.spareSlot(0).table()).entry(attacker.spareSlot(0).index()) == 0);
    }
}
