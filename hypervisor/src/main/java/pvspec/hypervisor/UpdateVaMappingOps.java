package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.UVA_BAD_FLUSH_TYPE;
import static pvspec.model.abi.check.Check.UVA_NO_L1;
import static pvspec.model.abi.check.Check.UVA_VCPU_MASK;
import static pvspec.model.abi.UpdateVaMapping.UVMF_ALL;
import static pvspec.model.abi.UpdateVaMapping.UVMF_FLUSHTYPE_MASK;
import static pvspec.model.abi.UpdateVaMapping.UVMF_INVLPG;
import static pvspec.model.abi.UpdateVaMapping.UVMF_TLB_FLUSH;

import pvspec.model.abi.Result;
import pvspec.model.abi.UpdateVaMapping;

/**
 * {@code do_update_va_mapping}: {@code mod_l1_entry} on the L1 slot that maps {@code va} in the
 * caller's current address space, then the requested flush — only if the write succeeded
 * (XSA-279).
 */
final class UpdateVaMappingOps {
    private UpdateVaMappingOps() {}


    static Result apply(Txn t, UpdateVaMapping h) {
        long flags = h.flags();
        if ((flags & ~(UVMF_FLUSHTYPE_MASK | UVMF_ALL)) != 0) throw Refused.of(UVA_VCPU_MASK);
        if ((flags & UVMF_FLUSHTYPE_MASK) == UVMF_FLUSHTYPE_MASK) throw Refused.of(UVA_BAD_FLUSH_TYPE);
        Dom d = t.dom;
        long slot = Walker.l1Slot(t, d.baseptr[t.vcpu], t.me, h.va(), UVA_NO_L1);
        EntryOps.modEntry(t, (int) (slot >>> 16), 1, (int) (slot & 0xFFFF), h.val(), t.me);
        boolean all = (flags & UVMF_ALL) != 0;
        long type = flags & UVMF_FLUSHTYPE_MASK;
        if (type == UVMF_TLB_FLUSH) {
            if (all) TlbOps.flushAll(t, d);
            else TlbOps.flushLocal(t, d, t.vcpu);
        } else if (type == UVMF_INVLPG) {
            if (all) TlbOps.invlpgAll(t, d, h.va());
            else TlbOps.invlpgLocal(t, d, t.vcpu, h.va());
        }
        return Result.OK;
    }
}
