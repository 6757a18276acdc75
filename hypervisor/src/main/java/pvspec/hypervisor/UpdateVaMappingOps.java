package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.UVA_NO_L1;
import static pvspec.model.abi.check.Check.UVA_VCPU_MASK;
import static pvspec.model.abi.check.Check.UVA_XSM;
import static pvspec.model.abi.UpdateVaMapping.UVMF_ALL;
import static pvspec.model.abi.UpdateVaMapping.UVMF_FLUSHTYPE_MASK;
import static pvspec.model.abi.UpdateVaMapping.UVMF_INVLPG;
import static pvspec.model.abi.UpdateVaMapping.UVMF_LOCAL;
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


    /** The flags are read after the write (mm.c:4527): type 3 flushes nothing; a vCPU-mask pointer is unreadable here. */
    static Result apply(Txn t, UpdateVaMapping h) {
        long flags = h.flags();
        Dom d = t.dom;
        // update_va_mapping_otherdomain: get_pg_owner(domid) first (mm.c:4588); xsm_update_va_mapping spares no one (4484).
        int pg = h.otherdomain().isPresent() ? PgOwners.of(t, h.otherdomain().getAsInt() & 0xFFFF) : t.me;
        if (!PgOwners.xsmTarget(t, pg)) throw Refused.of(UVA_XSM);
        long slot = Walker.l1Slot(t, d.baseptr[t.vcpu], t.me, h.va(), UVA_NO_L1);
        EntryOps.modEntry(t, (int) (slot >>> 16), 1, (int) (slot & 0xFFFF), h.val(), pg);
        long type = flags & UVMF_FLUSHTYPE_MASK;
        if (type != UVMF_TLB_FLUSH && type != UVMF_INVLPG) return Result.OK;
        long target = flags & ~UVMF_FLUSHTYPE_MASK;
        if (target != UVMF_LOCAL && target != UVMF_ALL) {
            t.batchStoppedBy = UVA_VCPU_MASK; // EFAULT after the write: the write stays
            return UVA_VCPU_MASK.result();
        }
        boolean all = target == UVMF_ALL;
        if (type == UVMF_TLB_FLUSH) {
            if (all) TlbOps.flushAll(t, d);
            else TlbOps.flushLocal(t, d, t.vcpu);
        } else if (all) {
            TlbOps.invlpgAll(t, d, h.va());
        } else {
            TlbOps.invlpgLocal(t, d, t.vcpu, h.va());
        }
        return Result.OK;
    }
}
