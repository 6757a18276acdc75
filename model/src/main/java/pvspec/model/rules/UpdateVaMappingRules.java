package pvspec.model.rules;

import static pvspec.model.abi.check.Check.UVA_BAD_FLUSH_TYPE;
import static pvspec.model.abi.check.Check.UVA_NO_L1;
import static pvspec.model.abi.check.Check.UVA_VCPU_MASK;
import static pvspec.model.abi.UpdateVaMapping.UVMF_ALL;
import static pvspec.model.abi.UpdateVaMapping.UVMF_FLUSHTYPE_MASK;
import static pvspec.model.abi.UpdateVaMapping.UVMF_INVLPG;
import static pvspec.model.abi.UpdateVaMapping.UVMF_TLB_FLUSH;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.State;

/**
 * {@code update_va_mapping}: write the L1 entry that maps an address in the caller's current
 * address space, with {@code mod_l1_entry}'s checks, then flush, and only then (XSA-279: never
 * flush on a refused request).
 */
final class UpdateVaMappingRules {
    private UpdateVaMappingRules() {}


    static Outcome apply(State s, Caller c, UpdateVaMapping h) {
        long flags = h.flags();
        require((flags & ~(UVMF_FLUSHTYPE_MASK | UVMF_ALL)) == 0, UVA_VCPU_MASK);
        require((flags & UVMF_FLUSHTYPE_MASK) != UVMF_FLUSHTYPE_MASK, UVA_BAD_FLUSH_TYPE);
        Walks.L1Slot slot = Walks.l1Slot(s, s.dom(c.domain()).vcpu(c.vcpu()), c.domain(), h.va(), UVA_NO_L1);
        s = EntryUpdates.modEntry(s, slot.table(), 1, slot.index(), h.val(), c.domain());
        boolean all = (flags & UVMF_ALL) != 0;
        long type = flags & UVMF_FLUSHTYPE_MASK;
        if (type == UVMF_TLB_FLUSH) s = all ? Tlbs.flushAll(s, c.domain()) : Tlbs.flushLocal(s, c.domain(), c.vcpu());
        if (type == UVMF_INVLPG) s = all ? Tlbs.invlpgAll(s, c.domain(), h.va()) : Tlbs.invlpgLocal(s, c.domain(), c.vcpu(), h.va());
        return Outcome.of(s, Result.OK);
    }
}
