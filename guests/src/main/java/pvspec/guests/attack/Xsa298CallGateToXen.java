package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.rules.SegmentDescriptors;
import pvspec.model.state.PageType;

/**
 * XSA-298's shape (XTF tests/xsa-298): user memory holding a call gate is remapped read-only so
 * that it type-promotes to a descriptor page, and the gate is then used to enter more privileged
 * code. Here the gate targets Xen's own ring-0 code selector (0xe008): a frame holding it cannot
 * become a GDT page (validate_segdesc_page, pv/descriptor-tables.c:273-286, through
 * check_descriptor's guest_gate_selector_okay :243-245), and update_descriptor refuses to write
 * it (:299). A gate to the guest kernel's FLAT_KERNEL_CS is allowed, stored with DPL 0 so that
 * every use faults into Xen for emulation (:246-258). (The XSA-298 bug itself, a missing LDT
 * limit check in Xen's gate emulation, needs segment loads, which the model has none of.)
 */
public final class Xsa298CallGateToXen implements Attack {
    /** A 64-bit call gate, DPL 3, to selector 0xe008 (__HYPERVISOR_CS), offset 0. */
    static final long GATE_TO_XEN = 0x0000ec00e0080000L;
    /** The same gate to FLAT_KERNEL_CS (0xe033). */
    static final long GATE_TO_KERNEL = 0x0000ec00e0330000L;

    @Override
    public AttackInfo info() {
        return new AttackInfo("call-gate-to-xen", "XSA-298", "guest call gate into hypervisor code",
                "write a call gate to Xen's selector into a page, remap it read-only and make it a GDT page; then write the gate with update_descriptor",
                "EINVAL for both: check_descriptor refuses a gate to a Xen selector; a gate to the guest kernel is stored at DPL 0");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 1, 1);
        long frame = g.extra().get(0);
        var slot = g.spareSlot(0);
        g.hp().ok(Calls.mmuUpdate(slot.table(), slot.index(), pte(frame, P, RW, US)));
        g.hp().ok(Calls.mmuUpdate(frame, 0, GATE_TO_XEN)); // a guest store, while the page is ordinary memory
        g.hp().ok(Calls.mmuUpdate(slot.table(), slot.index(), pte(frame, P, US)));
        s.attempt(g.hp(), Calls.setGdt(List.of(frame), 1), err(EINVAL));
        g.hp().ok(Calls.mmuUpdate(slot.table(), slot.index(), pte(frame, P, RW, US)));
        g.hp().ok(Calls.mmuUpdate(frame, 0, 0));
        g.hp().ok(Calls.mmuUpdate(slot.table(), slot.index(), pte(frame, P, US)));
        s.attempt(g.hp(), Calls.setGdt(List.of(frame), 2), Result.OK);
        s.attempt(g.hp(), Calls.updateDescriptor(frame, 0, GATE_TO_XEN), err(EINVAL));
        s.attempt(g.hp(), Calls.updateDescriptor(frame, 8, GATE_TO_KERNEL), Result.OK);
        s.postcondition("the GDT page holds no gate to Xen, and the kernel gate at DPL 0", st -> {
            var f = st.frame(frame);
            for (int i = 0; i < f.contents().size(); i++) {
                if (SegmentDescriptors.check(f.entry(i)).isEmpty()) return false;
            }
            return f.type() == PageType.SEG_DESC && f.entry(0) == 0 && f.entry(1) == 0x00008c00e0330000L;
        });
    }
}
