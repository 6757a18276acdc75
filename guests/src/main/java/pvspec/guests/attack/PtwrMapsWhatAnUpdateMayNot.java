package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.GNTTAB;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Kernel;
import pvspec.guests.kernel.Layout;
import pvspec.model.abi.Pte;
import pvspec.model.abi.Result;
import pvspec.model.abi.TrapInfo;
import pvspec.model.rules.TrapRules;
import pvspec.model.state.Domain;

/**
 * Writable page tables: a kernel with {@code VMASST_TYPE_writable_pagetables} writes its own L1
 * directly, through a read-only mapping of it, and Xen emulates the write
 * ({@code ptwr_emulated_update}, ro-page-fault.c:70-215). The emulation must validate the new
 * entry as {@code mod_l1_entry} would ({@code get_page_from_l1e(nl1e, d, d)}, :145): here it is
 * asked to map another domain's frame, one of the kernel's page tables writable, and a forged
 * grant PTE ({@code _PAGE_GNTTAB}, {@code L1_DISALLOW_MASK} mm.c:164). Each is refused as
 * {@code X86EMUL_UNHANDLEABLE}: the write is not done and the guest gets its #PF. An ordinary
 * entry is emulated.
 */
public final class PtwrMapsWhatAnUpdateMayNot implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("ptwr-maps-what-an-update-may-not", "-", "writable page tables: an emulated L1 write validated as mod_l1_entry (get_page_from_l1e)",
                "enable writable page tables, map an own L1 read-only, write into it: a foreign frame, an own L1 writable, a forged grant PTE, then a valid entry",
                "fault for the three (the #PF bounced, the entry unchanged); OK for the valid entry, which is stored");
    }

    @Override
    public void run(AttackScript s) {
        Guest victim = s.guest(5, 0);
        Guest g = s.guest(6, 2);
        long text = g.va(g.data(0));
        s.attempt(g.hp(), Calls.setTrapTable(List.of(new TrapInfo(TrapRules.PAGE_FAULT, 0, Kernel.FLAT_KERNEL_CS64, text))), Result.OK);
        s.attempt(g.hp(), Calls.enableAssist(Domain.VMASST_WRITABLE_PAGETABLES), Result.OK);
        Layout.Slot target = g.spareSlot(1);
        Layout.Slot window = g.spareSlot(0);
        s.attempt(g.hp(), Calls.mmuUpdate(window.table(), window.index(), pte(target.table(), P, US)), Result.OK);
        long va = g.spareVa(0);
        int victimCount = s.state().frame(victim.data(0)).count();
        long offset = 8L * target.index();
        s.attempt(g.hp(), Calls.write(va, offset, pte(victim.data(0), P, RW, US)), Result.FAULT);
        s.attempt(g.hp(), Calls.write(va, offset, pte(target.table(), P, RW, US)), Result.FAULT);
        s.attempt(g.hp(), Calls.write(va, offset, pte(g.data(1), P, US, GNTTAB)), Result.FAULT);
        s.attempt(g.hp(), Calls.write(va, offset, pte(g.data(1), P, RW, US)), Result.OK);
        s.postcondition("the slot maps the kernel's own data frame; no entry of it maps the victim's frames or its tables writable", st -> {
            long e = st.frame(target.table()).entry(target.index());
            return Pte.mfn(e) == g.data(1) && st.frame(victim.data(0)).count() == victimCount && st.frame(target.table()).isTable(1);
        });
    }
}
