package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;

/**
 * The set-up the linear-page-table attacks share: a guest whose two extra frames are pinned as
 * empty top-level tables {@code x} and {@code y}, and whose own top-level table maps {@code x}
 * through a read-only linear entry (which Xen allows: one level, same owner, read-only).
 */
record LinearTables(Guest guest, long x, long y, int linearSlot) {

    static LinearTables setUp(AttackScript s) {
        Guest g = s.guest(6, 0, 2);
        int level = s.config().levels();
        long x = g.extra().get(0);
        long y = g.extra().get(1);
        g.hp().ok(Calls.pin(level, x));
        g.hp().ok(Calls.pin(level, y));
        int slot = g.freeTopSlot();
        g.hp().ok(Calls.mmuUpdate(g.top(), slot, pte(x, P, US)));
        return new LinearTables(g, x, y, slot);
    }

    /** A read-only linear entry to {@code target}. */
    static long linear(long target) {
        return pte(target, P, US);
    }
}
