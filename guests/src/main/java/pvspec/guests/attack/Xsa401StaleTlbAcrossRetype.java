package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * XSA-217/241/401 class: a writable TLB entry survives while its frame becomes a page table, so
 * the guest writes a validated table behind Xen's back. The guest maps a frame writable, fills
 * its TLB, removes the mapping without flushing (legal: the stale entry still points at its
 * own ordinary memory), then pins the frame as an L1. Gaining a page-table type flushes the
 * owner's writable translations of the frame ({@code _get_page_type}, mm.c:3025-3058), so the
 * stale write, the owner's own, must now fault.
 */
public final class Xsa401StaleTlbAcrossRetype implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("stale-tlb-across-retype", "XSA-401", "writable TLB entry to a page table",
                "keep a stale writable TLB entry to a frame, pin the frame as an L1, write through the stale entry",
                "pin OK (type change flushes); the write faults");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 1, 1);
        long frame = g.extra().get(0);
        long va = g.spareVa(0);
        g.hp().ok(Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), pte(frame, P, RW, US)));
        g.hp().ok(Calls.write(va));
        g.hp().ok(Calls.mmuUpdate(g.spareSlot(0).table(), g.spareSlot(0).index(), 0));
        s.attempt(g.hp(), Calls.write(va), Result.OK); // stale but harmless: the frame is still ordinary memory
        s.attempt(g.hp(), Calls.pin(1, frame), Result.OK);
        s.attempt(g.hp(), Calls.write(va), Result.FAULT);
        s.postcondition("no vCPU of any domain caches a translation to the new L1", st -> {
            for (Domain d : st.domains().values()) {
                for (Vcpu v : d.vcpus()) for (TlbEntry e : v.tlb().values()) if (e.mfn() == frame) return false;
            }
            return st.frame(frame).isTable(1);
        });
    }
}
