package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Result;

/**
 * XSA-248: a guest got to map frames Xen uses internally. The hypervisor's frames belong to
 * {@code DOMID_XEN}: no guest entry may map them, only the control domain may name
 * {@code DOMID_XEN} as the page owner ({@code xsm_mmu_update}, mm.c:4087), and the entries Xen keeps in its top-level slots are supervisor-only, except the
 * read-only M2P, which a guest may read but never write.
 */
public final class HypervisorFrameMapping implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("hypervisor-frame-mapping", "XSA-248", "guest maps hypervisor memory",
                "map hypervisor frame 0 directly and with foreigndom=DOMID_XEN; write through the read-only M2P slot",
                "EBUSY (owned by Xen); EPERM (xsm_mmu_update: only the control domain names dom_xen); the read is allowed, the write faults");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 2);
        long xen = pte(0, P, RW, US);
        s.attempt(g.hp(), Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), xen), batch(EBUSY));
        s.attempt(g.hp(), Calls.mmuUpdateForeign(g.spareSlot(0).table(), g.spareSlot(0).index(), xen, DomId.DOMID_XEN), batch(EPERM));
        // The first reserved slot is Xen's read-only M2P (x86_64/mm.c:534-535, fill_ro_mpt mm.c:1729):
        // readable, never writable; the other reserved slots are supervisor-only.
        s.attempt(g.hp(), Calls.read(Expect.hypervisorVa(s.config())), Result.OK);
        s.attempt(g.hp(), Calls.write(Expect.hypervisorVa(s.config())), Result.FAULT);
        s.postcondition("the hypervisor's frame 0 has only its own reference", st -> st.frame(0).count() == 1);
    }
}
