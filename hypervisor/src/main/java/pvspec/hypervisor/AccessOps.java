package pvspec.hypervisor;

import pvspec.model.abi.Access;
import pvspec.model.abi.Result;

/**
 * A guest memory access (not a hypercall): a TLB entry that permits it, or a page walk whose
 * result is cached; otherwise the translation is dropped and a page fault bounced to the guest
 * kernel. A write tags the frame with its owner (so unscrubbed reuse would show).
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
}
