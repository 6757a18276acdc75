package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Kernel;
import pvspec.model.abi.Result;
import pvspec.model.abi.TrapInfo;
import pvspec.model.rules.TrapRules;
import pvspec.model.state.Domain;

/**
 * Writable page tables across domains: a page table may be granted read-only (only a writable
 * map needs the writable type), so a grantee can hold a present, read-only mapping of another
 * domain's L1. Writing through it faults, and Xen emulates only writes to the writer's own L1:
 * {@code ptwr_do_page_fault} takes the frame with {@code get_page_from_mfn(mfn, current->domain)}
 * (ro-page-fault.c:278-280), which fails for a foreign frame, so the guest gets its #PF.
 */
public final class PtwrIntoAGrantedL1 implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("ptwr-into-a-granted-l1", "-", "writable page tables: an emulated write into another domain's L1",
                "d1 grants one of its L1 tables read-only; d2 maps it, enables writable page tables and writes an entry into it",
                "fault: the L1 is not the writer's; d1's table is unchanged");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        long l1 = g.granter().l1(0);
        g.granter().hp().ok(Calls.grantAccess(0, g.grantee().domid(), l1, true));
        Guest d2 = g.grantee();
        long text = d2.va(d2.data(0));
        s.attempt(d2.hp(), Calls.setTrapTable(List.of(new TrapInfo(TrapRules.PAGE_FAULT, 0, Kernel.FLAT_KERNEL_CS64, text))), Result.OK);
        s.attempt(d2.hp(), Calls.enableAssist(Domain.VMASST_WRITABLE_PAGETABLES), Result.OK);
        s.attempt(d2.hp(), Calls.mapGrantRef(g.granter().domid(), 0, true, d2.spareVa(0)), Result.value(0));
        long before = s.state().frame(l1).entry(3);
        s.attempt(d2.hp(), Calls.write(d2.spareVa(0), 24, pte(d2.data(0), P, RW, US)), Result.FAULT);
        s.postcondition("d1's L1 is unchanged and maps nothing of d2", st -> st.frame(l1).entry(3) == before);
    }
}
