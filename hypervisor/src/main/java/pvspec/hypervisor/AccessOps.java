package pvspec.hypervisor;

import pvspec.model.abi.Access;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;

/**
 * A guest memory access (not a hypercall): a TLB entry that permits it, or a page walk whose
 * result is cached; otherwise the translation is dropped and Xen's #PF handler either emulates
 * a kernel's write to its own L1 table (writable page tables, {@code pv/ro-page-fault.c}) or
 * bounces the fault to the guest kernel. A write tags the frame with its owner (so unscrubbed
 * reuse would show).
 */
final class AccessOps {
    private AccessOps() {}

    static Result apply(Txn t, Access a) {
        Dom d = t.dom;
        Tlb tlb = d.tlb[t.vcpu];
        long va = a.va();
        boolean write = a.write();
        long hit = tlb.get(va);
        long tr = hit != Tlb.ABSENT && (Tlb.writable(hit) || !write) ? hit : Walker.translate(t, d.currentRoot(t.vcpu), va);
        if (tr == Walker.NO_TRANSLATION || write && !Tlb.writable(tr)) {
            t.tlbRemove(tlb, va);
            if (tr != Walker.NO_TRANSLATION && ptwr(t, a)) return Result.OK;
            TrapOps.deliverFault(t, TrapOps.PAGE_FAULT);
            return Result.FAULT;
        }
        int mfn = (int) Tlb.mfn(tr);
        if (write) t.needFrame(mfn); // the tag belongs to the frame's owner (a granted frame may be foreign)
        TlbOps.noteTranslation(t, t.me, mfn);
        if (hit != tr) t.tlbPut(tlb, va, tr);
        if (write) t.setInt(t.ft.dataTag, mfn, t.ft.owner[mfn]);
        return Result.OK;
    }

    /**
     * {@code fixup_page_fault} → {@code pv_ro_page_fault} → {@code ptwr_do_page_fault} →
     * {@code ptwr_emulated_update} (traps.c:1707-1723; ro-page-fault.c:70-215, 268-296, 415-444)
     * for a write that faulted on a present translation. True when the write was emulated; false,
     * with nothing changed, when the guest gets its #PF.
     */
    private static boolean ptwr(Txn t, Access a) {
        Dom d = t.dom;
        if (t.caller.mode() != Mode.KERNEL) return false;
        boolean assist = (d.vars[Dom.VM_ASSIST] >>> 2 & 1) != 0; // VMASST_TYPE_writable_pagetables
        if (!assist && !d.privileged) return false; // the hardware domain's read-only-MMIO path
        long pte = kernelL1e(t, d.baseptr[t.vcpu], a.va());
        if ((pte & (PteFlag.P.mask() | PteFlag.RW.mask())) != PteFlag.P.mask()) return false;
        FrameTable ft = t.ft;
        int table = (int) Pte.mfn(pte);
        if (!ft.valid(table) || ft.owner[table] != t.me || FrameTable.count(ft.countInfo.get(table)) <= 0) return false;
        long ti = ft.typeInfo.get(table);
        if (FrameTable.typeCount(ti) <= 0 || FrameTable.type(ti) != 1) return false;
        long offset = a.offset();
        if ((offset & 7) != 0 || offset < 0 || offset >= 8L * t.hv.config.entries()) return false;
        int index = (int) (offset >>> 3);
        long val = a.value();
        if (Pte.present(val) && t.checks.ptwrValidatesNewEntry()) {
            long mark = t.mark();
            try {
                PageRefs.getFromL1e(t, val, table, t.me);
            } catch (Refused r) {
                t.rollback(mark);
                return false;
            }
        }
        val = t.checks.adjustForGuest(val, 1, t.hv.levels == 1);
        long old = ft.entry(table, index);
        t.setEntry(table, index, val);
        PageRefs.putFromL1e(t, old, table);
        return true;
    }

    /** {@code guest_get_eff_kern_l1e}: the L1 entry for {@code va}, read through the linear map (upper RW bits not looked at). */
    private static long kernelL1e(Txn t, long base, long va) {
        long frame = base;
        for (int level = t.hv.levels; level > 1; level--) frame = Pte.mfn(t.ft.entry((int) frame, t.hv.index(va, level)));
        return t.ft.entry((int) frame, t.hv.index(va, 1));
    }
}
