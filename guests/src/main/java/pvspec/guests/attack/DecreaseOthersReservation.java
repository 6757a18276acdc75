package pvspec.guests.attack;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;

/**
 * {@code memory_op} names a domain; only the control domain may name another one (XSM_TARGET).
 * Otherwise a guest could free a victim's memory under it, or fill it past its allocation. Xen
 * reports the refusal as "0 extents done" (memory.c:1593-1597).
 */
public final class DecreaseOthersReservation implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("foreign-reservation", "-", "changing another domain's memory",
                "decrease_reservation of another guest's frame; populate_physmap into another guest",
                "0 done: only the control domain may change another domain's memory");
    }

    @Override
    public void run(AttackScript s) {
        int attacker = s.domain(1);
        Guest victim = s.guest(4, 0);
        s.attempt(s.as(attacker), Calls.decreaseReservation(victim.domid(), List.of(victim.data(0))), Result.value(0));
        s.attempt(s.as(attacker), Calls.populatePhysmap(victim.domid(), 1), Result.value(0));
        s.postcondition("the victim's frame is still allocated to it",
                st -> st.frame(victim.data(0)).owner() == victim.domid() && st.frame(victim.data(0)).allocated());
    }
}
