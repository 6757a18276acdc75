package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EPERM;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;

/**
 * {@code XENMEM_maximum_reservation} and {@code XENMEM_current_reservation} name a domain; only
 * the domain itself and the control domain may ask ({@code xsm_memory_stat_reservation},
 * XSM_TARGET, memory.c:1665-1670). Otherwise a guest learns how much memory its neighbours hold
 * and are allowed, a side channel on their activity.
 */
public final class ForeignReservationQuery implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("foreign-reservation-query", "-", "reading another domain's reservation",
                "maximum_reservation and current_reservation of another guest",
                "EPERM: only the domain itself or the control domain");
    }

    @Override
    public void run(AttackScript s) {
        int attacker = s.domain(1);
        int victim = s.domain(3);
        s.attempt(s.as(attacker), Calls.maximumReservation(victim), err(EPERM));
        s.attempt(s.as(attacker), Calls.currentReservation(victim), err(EPERM));
        s.attempt(s.dom0(), Calls.currentReservation(victim), Result.value(3));
    }
}
