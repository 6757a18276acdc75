package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.Vcpu;

/**
 * XSA-286 class: Xen kept translations made through an upper-level entry after a guest changed
 * that entry with {@code mmu_update}, so the guest (or Xen's own linear mappings) kept using the
 * old hierarchy. Since the fix every successful L2..L4 update flushes the page-table owner's TLBs
 * on all its vCPUs ({@code mm.c:4141, 4310-4342}). The guest hooks a new L1 into a free top-level
 * slot, reads through it (filling the TLB), unhooks it, and reads again: the read must fault.
 */
public final class Xsa286StaleTranslationAfterUpperUpdate implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("stale-translation-after-upper-update", "XSA-286", "translation through a replaced upper entry survives",
                "read through a new L1 hooked into the top level, unhook it with mmu_update, read again",
                "unhook OK (and flushed); the second read faults");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 1, 1);
        long l1 = g.extra().get(0);
        int slot = g.freeTopSlot();
        Config c = s.config();
        long va = c.va(slot, 0);
        // The new L1 (hooked into the top level: a 2-level machine, the default) maps a data frame
        // of the guest at index 0; it is validated when hooked in.
        g.hp().ok(Calls.mmuUpdate(l1, 0, pte(g.data(0), P, US)));
        g.hp().ok(Calls.mmuUpdate(g.top(), slot, pte(l1, P, RW, US)));
        g.hp().ok(Calls.read(va));
        s.attempt(g.hp(), Calls.mmuUpdate(g.top(), slot, 0), Result.OK);
        s.attempt(g.hp(), Calls.read(va), Result.FAULT);
        s.postcondition("no vCPU of the guest keeps a translation of the unhooked address", st -> {
            Domain d = st.dom(g.domid());
            for (Vcpu v : d.vcpus()) if (v.tlb().containsKey(va)) return false;
            return true;
        });
    }
}
