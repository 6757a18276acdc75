package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.gnt;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Gntst.GNTST_general_error;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;

/**
 * Memory isolation itself (the guarantee XSA-248 broke for Xen-internal pages): a guest maps only
 * frames it owns or was granted — not another guest's, neither directly, nor through
 * {@code foreigndom} (the control domain's privilege), nor through a grant never given.
 */
public final class ForeignFrameMapping implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("foreign-frame-mapping", "XSA-248", "mapping a frame the guest does not own",
                "map another domain's data frame: directly, with foreigndom, and through an ungranted reference",
                "EBUSY (not the owner); EPERM (foreigndom needs privilege); GNTST_general_error (not granted)");
    }

    @Override
    public void run(AttackScript s) {
        Guest attacker = s.guest(6, 2);
        Guest victim = s.guest(4, 0);
        long frame = pte(victim.data(0), P, US);
        s.attempt(attacker.hp(), Calls.mmuUpdate(attacker.spareSlot(0).table(), attacker.spareSlot(0).index(), frame), batch(EBUSY));
        s.attempt(attacker.hp(), Calls.mmuUpdateForeign(attacker.spareSlot(0).table(), attacker.spareSlot(0).index(), frame, victim.domid()),
                batch(EPERM));
        s.attempt(attacker.hp(), Calls.mapGrantRef(victim.domid(), 0, true, attacker.spareVa(1)), gnt(GNTST_general_error));
        s.postcondition("the attacker maps nothing new", st -> st.frame(attacker.spareSlot(0).table()).entry(attacker.spareSlot(0).index()) == 0
                && st.dom(attacker.domid()).maptrack().isEmpty());
    }
}
