package pvspec.model.rules;

import static pvspec.model.abi.check.Check.UVA_NO_L1;
import static pvspec.model.abi.check.Check.UVA_VCPU_MASK;
import static pvspec.model.abi.check.Check.UVA_XSM;
import static pvspec.model.rules.Refusal.require;
import static pvspec.model.abi.UpdateVaMapping.UVMF_ALL;
import static pvspec.model.abi.UpdateVaMapping.UVMF_LOCAL;
import static pvspec.model.abi.UpdateVaMapping.UVMF_FLUSHTYPE_MASK;
import static pvspec.model.abi.UpdateVaMapping.UVMF_INVLPG;
import static pvspec.model.abi.UpdateVaMapping.UVMF_TLB_FLUSH;

import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.State;

/**
 * {@code update_va_mapping} ({@code mm.c:__do_update_va_mapping}, 4469): write the L1 entry that
 * maps an address in the caller's current address space, with {@code mod_l1_entry}'s checks,
 * then flush as the flags say, and only then (XSA-279: never flush on a refused request). Xen
 * reads the flags only after the write: a bad flush request cannot undo it.
 *
 * <p>{@code update_va_mapping_otherdomain} ({@code do_update_va_mapping_otherdomain}, 4582) is
 * the same with {@code get_pg_owner(domid)} first: the entry may map the page owner's frames;
 * the L1 and the flushes stay the caller's.
 */
final class UpdateVaMappingRules {
    private UpdateVaMappingRules() {}

    static Outcome apply(State s, Caller c, UpdateVaMapping h) {
        // mm.c:4588-4589 (a domid_t); do_update_va_mapping passes current->domain (4573).
        int pg = h.otherdomain().isPresent() ? PgOwner.of(s, c, h.otherdomain().getAsInt() & 0xFFFF) : c.domain();
        // xsm_update_va_mapping (mm.c:4484-4486): no exception for dom_io.
        require(PgOwner.xsmTarget(s, c, pg), UVA_XSM);
        Walks.L1Slot slot = Walks.l1Slot(s, s.dom(c.domain()).vcpu(c.vcpu()), c.domain(), h.va(), UVA_NO_L1);
        s = EntryUpdates.modEntry(s, slot.table(), 1, slot.index(), h.val(), pg, c);
        long type = h.flags() & UVMF_FLUSHTYPE_MASK;
        long target = h.flags() & ~UVMF_FLUSHTYPE_MASK;
        // mm.c:4527: the switch has no case for UVMF_NONE nor for the unused type 3.
        if (type != UVMF_TLB_FLUSH && type != UVMF_INVLPG) return Outcome.of(s, Result.OK);
        // Any other target is a vCPU-mask pointer, read now (vcpumask_to_pcpumask, mm.c:3410): the
        // model has no guest memory, so it is unreadable -> EFAULT, the entry stays written and
        // nothing is flushed (the mask is cleared on the fault, mm.c:4536-4541).
        if (target != UVMF_LOCAL && target != UVMF_ALL) return new Outcome(s, UVA_VCPU_MASK.result(), Optional.of(UVA_VCPU_MASK));
        boolean all = target == UVMF_ALL;
        if (type == UVMF_TLB_FLUSH) s = all ? Tlbs.flushAll(s, c.domain()) : Tlbs.flushLocal(s, c.domain(), c.vcpu());
        else s = all ? Tlbs.invlpgAll(s, c.domain(), h.va()) : Tlbs.invlpgLocal(s, c.domain(), c.vcpu(), h.va());
        return Outcome.of(s, Result.OK);
    }
}
