package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;

/**
 * A user root that is the guest's own writable memory: if Xen loaded it as the user mode's top
 * table, the guest would edit a live page table with plain writes. {@code NEW_USER_BASEPTR}
 * takes {@code PGT_root_page_table} ({@code _get_page_type}, mm.c:2956): a frame mapped writable
 * has the writable type and is refused; an L1 table is refused too. The writes stay ordinary.
 */
public final class UserRootNotATable implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("user-root-not-a-table", "XSA-213", "writable user page table",
                "map a frame writable, make it the user root; make an L1 the user root",
                "EINVAL for both; the frame stays ordinary writable memory");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 1, 1);
        long frame = g.extra().get(0);
        g.hp().ok(Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), pte(frame, P, RW, US)));
        s.attempt(g.hp(), Calls.newUserBaseptr(frame), batch(EINVAL));
        s.attempt(g.hp(), Calls.newUserBaseptr(g.l1(0)), batch(EINVAL));
        s.attempt(g.hp(), Calls.write(g.spareVa(0)), Result.OK);
        s.postcondition("no user root; the frame is not a page table",
                st -> !st.dom(g.domid()).vcpu(0).hasUserBaseptr() && !st.frame(frame).isTable());
    }
}
