package pvspec.guests.attack;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.Lifecycle;

/**
 * Returning to user mode with no user page tables ({@code do_iret}, pv/iret.c:66-74): Xen would
 * otherwise run user code on whatever CR3 {@code toggle_guest_mode} loads from a null
 * {@code guest_table_user}; it crashes the guest instead. Only the guest that asked stops; its
 * neighbour runs on.
 */
public final class IretWithoutUserRoot implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("iret-without-user-root", "XSA-213", "user mode with no user page tables",
                "HYPERVISOR_iret to a ring-3 frame before any NEW_USER_BASEPTR",
                "the attacker is crashed (shut down); the other guest still runs");
    }

    @Override
    public void run(AttackScript s) {
        Guest other = s.guest(4, 0);
        Guest g = s.guest(4, 0);
        s.attempt(g.hp(), Calls.iret(Calls.USER_CS), Result.OK);
        s.attempt(other.hp(), Calls.yield(), Result.OK);
        s.postcondition("the attacker is shut down, in kernel mode; the other guest runs",
                st -> st.dom(g.domid()).life() == Lifecycle.SHUTDOWN && !st.dom(g.domid()).vcpu(0).userMode()
                        && st.dom(other.domid()).running());
    }
}
