package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.ESRCH;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Result;

/**
 * XSA-248: a guest got to map frames Xen uses internally. The hypervisor's frames belong to
 * {@code DOMID_XEN}: no guest entry may map them, {@code DOMID_XEN} is no foreign domain a guest
 * may name, and the supervisor-only entries Xen keeps in its top-level slots stop a guest walk.
 */
public final class HypervisorFrameMapping implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("hypervisor-frame-mapping", "XSA-248", "guest maps hypervisor memory",
                "map hypervisor frame 0 directly and with foreigndom=DOMID_XEN; read through the hypervisor's slot",
                "EBUSY (owned by Xen); ESRCH (no such foreign domain); page fault (supervisor-only)");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 2);
        long xen = pte(0, P, RW, US);
        s.attempt(g.hp(), Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), xen), batch(EBUSY));
        s.attempt(g.hp(), Calls.mmuUpdateForeign(g.spareSlot(0).table(), g.spareSlot(0).index(), xen, DomId.DOMID_XEN), batch(ESRCH));
        s.attempt(g.hp(), Calls.read(Expect.hypervisorVa(s.config())), Result.FAULT);
        s.postcondition("the hypervisor's frame 0 has only its own reference", st -> st.frame(0).count() == 1);
    }
}
