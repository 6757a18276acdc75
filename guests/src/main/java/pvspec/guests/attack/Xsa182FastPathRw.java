package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Layout;
import pvspec.model.abi.UpdateVaMapping;

/**
 * XSA-182: the "same frame, similar flags" fast path of mod_l?_entry counted RW as harmless, so a
 * read-only mapping of a page table (or a read-only linear entry) could be flipped writable
 * without revalidation. RW is not in the whitelist: the flip goes through full validation.
 */
public final class Xsa182FastPathRw implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("fast-path-rw-toggle", "XSA-182", "fast path skips revalidation of RW",
                "set RW on its read-only L1 mapping of the top-level table, and on a read-only linear entry",
                "EBUSY for the L1 entry (frame is a page table); EINVAL for the linear entry (must be read-only)");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 2);
        Layout.Slot ro = g.layout().slotOf(g.top());
        s.attempt(g.hp(), Calls.mmuUpdate(ro.table(), ro.index(), pte(g.top(), P, RW, US)), batch(EBUSY));
        s.attempt(g.hp(), Calls.updateVaMapping(g.va(g.top()), pte(g.top(), P, RW, US), UpdateVaMapping.UVMF_NONE), err(EBUSY));
        int slot = g.freeTopSlot();
        g.hp().ok(Calls.mmuUpdate(g.top(), slot, pte(g.top(), P, US)));
        s.attempt(g.hp(), Calls.mmuUpdate(g.top(), slot, pte(g.top(), P, RW, US)), batch(EINVAL));
        s.postcondition("both mappings are still read-only", st -> Expect.storedAs(st.frame(ro.table()).entry(ro.index()), pte(g.top(), P, US))
                && Expect.storedAs(st.frame(g.top()).entry(slot), pte(g.top(), P, US)));
    }
}
