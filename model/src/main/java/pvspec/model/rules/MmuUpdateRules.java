package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MMU_BAD_PTR;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_IS_SELF;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UNKNOWN;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UPPER;
import static pvspec.model.abi.check.Check.MMU_NOT_OWNED;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.state.Frame;
import pvspec.model.state.State;

/**
 * {@code mmu_update}: write entries of the caller's page tables, each checked as Xen's
 * {@code do_mmu_update} checks it. An entry of a validated table is changed through
 * {@link EntryUpdates#modEntry} (new references first, fast path for harmless bits); a frame
 * that is not a page table is ordinary memory and is written as it is.
 */
final class MmuUpdateRules {
    private MmuUpdateRules() {}

    static Outcome apply(State s, Caller c, MmuUpdate h) {
        int pgOwner = pageOwner(s, c, h.foreigndom());
        return Batches.run(s, h.requests(), (st, r) -> update(st, c, pgOwner, r));
    }

    /** Whose frames the caller's L1 entries may map in this call. */
    private static int pageOwner(State s, Caller c, int foreigndom) {
        if (foreigndom == DomId.DOMID_SELF) return c.domain();
        require(foreigndom != c.domain(), MMU_FOREIGN_IS_SELF);
        require(s.isAlive(foreigndom), MMU_FOREIGN_UNKNOWN);
        require(s.dom(c.domain()).privileged(), MMU_FOREIGN_NOT_PRIVILEGED);
        return foreigndom;
    }

    private static State update(State s, Caller c, int pgOwner, MmuUpdate.Request r) {
        require(s.validMfn(r.mfn()) && r.index() >= 0 && r.index() < s.config().entries(), MMU_BAD_PTR);
        Frame table = s.frame(r.mfn());
        require(table.owner() == c.domain(), MMU_NOT_OWNED);
        int index = (int) r.index();
        if (!table.isTable()) return EntryUpdates.write(s, r.mfn(), index, r.val());
        int level = table.type().level();
        require(level == 1 || pgOwner == c.domain(), MMU_FOREIGN_UPPER);
        return EntryUpdates.modEntry(s, r.mfn(), level, index, r.val(), pgOwner);
    }
}
