package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.PageType;

/**
 * A guest whose GDT page were writable could write any descriptor it likes, unchecked (a gate
 * into Xen's code segment). PGT_seg_desc_page excludes the writable type: a GDT frame cannot be
 * mapped writable (get_page_from_l1e, mm.c:1003-1007: EBUSY), written by mmu_update (no case for
 * it in do_mmu_update's type switch, mm.c:4139-4200: EINVAL) or cleared (MMUEXT_CLEAR_PAGE:
 * EINVAL); and a page mapped writable cannot become a GDT frame (pv_set_gdt :90-92: EINVAL).
 */
public final class WritableDescriptorPage implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("writable-descriptor-page", "-", "descriptor page writable by its guest (type exclusion)",
                "make a frame a GDT page, then map it writable, write it with mmu_update, clear it; give a writably mapped page to set_gdt",
                "EBUSY for the mappings, EINVAL for the writes and the GDT: a descriptor page is never writable while typed");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 2, 1);
        long frame = g.extra().get(0);
        var slot = g.spareSlot(0);
        s.attempt(g.hp(), Calls.setGdt(List.of(frame), 1), Result.OK);
        s.attempt(g.hp(), Calls.mmuUpdate(slot.table(), slot.index(), pte(frame, P, RW, US)), batch(EBUSY));
        s.attempt(g.hp(), Calls.updateVaMapping(g.spareVa(1), pte(frame, P, RW, US), UpdateVaMapping.UVMF_INVLPG), err(EBUSY));
        s.attempt(g.hp(), Calls.mmuUpdate(frame, 0, 0x0000ec00e0080000L), batch(EINVAL));
        s.attempt(g.hp(), Calls.clearPage(frame), batch(EINVAL));
        // The other way round: a data page mapped writable does not become a GDT page.
        s.attempt(g.hp(), Calls.setGdt(List.of(g.data(0)), 1), err(EINVAL));
        s.postcondition("the GDT frame is a descriptor page, unmapped writable, unchanged", st ->
                st.frame(frame).type() == PageType.SEG_DESC && st.frame(frame).entry(0) == 0
                        && st.frame(slot.table()).entry(slot.index()) == 0
                        && st.frame(g.data(0)).type() == PageType.WRITABLE);
    }
}
