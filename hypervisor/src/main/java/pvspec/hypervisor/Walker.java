package pvspec.hypervisor;

import pvspec.model.abi.Pte;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.PteFlag;

/** Walks of a vCPU's page tables: Xen's {@code guest_map_l1e}, and the MMU's translation. */
final class Walker {
    private Walker() {}

    static final long NO_TRANSLATION = -1;

    /**
     * The L1 slot mapping {@code va} in the address space rooted at {@code base}: every upper
     * entry present, not a superpage, naming a frame; the L1 a validated L1 table of {@code owner}.
     * Returns {@code table << 16 | index}; refuses with {@code refusal} otherwise.
     */
    static long l1Slot(Txn t, long base, int owner, long va, Check refusal) {
        Hypervisor hv = t.hv;
        if (!hv.canonical(va) || base == Dom.NO_BASEPTR) throw Refused.of(refusal);
        FrameTable ft = t.ft;
        int table = (int) base;
        for (int level = hv.levels; level > 1; level--) {
            long e = ft.entry(table, hv.index(va, level));
            if (!Pte.present(e) || (e & PteFlag.PSE.mask()) != 0 || !ft.valid(Pte.mfn(e))) throw Refused.of(refusal);
            table = (int) Pte.mfn(e);
        }
        if (ft.owner[table] != owner || FrameTable.type(ft.typeInfo.get(table)) != 1
                || FrameTable.typeCount(ft.typeInfo.get(table)) <= 0) throw Refused.of(refusal);
        return (long) table << 16 | hv.index(va, 1);
    }

    /**
     * The MMU's translation of {@code va}: every level present and user-accessible (a 64-bit PV
     * kernel runs in ring 3, so the hypervisor's supervisor-only slots stop it), writable only if
     * every level is. Returns a {@link Tlb} value or {@link #NO_TRANSLATION}.
     */
    static long translate(Txn t, long base, long va) {
        Hypervisor hv = t.hv;
        if (!hv.canonical(va) || base == Dom.NO_BASEPTR) return NO_TRANSLATION;
        FrameTable ft = t.ft;
        long frame = base;
        boolean writable = true;
        for (int level = hv.levels; level >= 1; level--) {
            long e = ft.entry((int) frame, hv.index(va, level));
            if (!Pte.guestWalks(e) || !ft.valid(Pte.mfn(e))) return NO_TRANSLATION;
            writable &= Pte.writable(e);
            frame = Pte.mfn(e);
        }
        return Tlb.value(frame, writable);
    }
}
