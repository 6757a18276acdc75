package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MMU_BAD_PTR;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_IS_SELF;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UNKNOWN;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UPPER;
import static pvspec.model.abi.check.Check.MMU_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMU_PARTIAL_TABLE;
import static pvspec.model.rules.Refusal.require;

import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Result;
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
        // put_old_guest_table comes first, whatever the arguments (mm.c:4003-4012); mmu_update
        // names no preemption point in pvspec, so it finishes.
        State st = OldGuestTable.put(s, c, Preemption.NEVER);
        int pgOwner;
        try {
            pgOwner = pageOwner(st, c, h.foreigndom());
        } catch (Refusal r) {
            return new Outcome(st, new Result.Partial(r.check().errno(), 0), Optional.of(r.check()));
        }
        return Batches.run(st, h.requests(), (x, r) -> update(x, c, pgOwner, r));
    }

    /** {@code get_pg_owner} (common/page_alloc.c:2930-2958, mm.c:4051): whose frames the caller's L1 entries may map in this call. */
    private static int pageOwner(State s, Caller c, int foreigndom) {
        if (foreigndom == DomId.DOMID_SELF) return c.domain();
        require(foreigndom != c.domain(), MMU_FOREIGN_IS_SELF);
        // DOMID_IO and DOMID_XEN name dom_io and dom_xen, which always exist
        // (common/page_alloc.c:2942-2948); any other id must name a domain, dying or not
        // (rcu_lock_domain_by_any_id, :2950).
        boolean exists = foreigndom == DomId.DOMID_IO || foreigndom == DomId.DOMID_XEN || s.domains().containsKey(foreigndom);
        require(exists, MMU_FOREIGN_UNKNOWN);
        return foreigndom;
    }

    private static State update(State s, Caller c, int pgOwner, MmuUpdate.Request r) {
        // xsm_mmu_update (mm.c:4087-4096) runs inside the loop, for the first request: an empty
        // batch naming a foreign domain succeeds, a non-empty one fails with "0 done". It does not
        // look at dom_io (xsm/dummy.h:681): any domain may name DOMID_IO.
        require(pgOwner == c.domain() || pgOwner == DomId.DOMID_IO || s.dom(c.domain()).privileged(), MMU_FOREIGN_NOT_PRIVILEGED);
        require(s.validMfn(r.mfn()) && r.index() >= 0 && r.index() < s.config().entries(), MMU_BAD_PTR);
        Frame table = s.frame(r.mfn());
        require(table.owner() == c.domain(), MMU_NOT_OWNED);
        require(!table.partial(), MMU_PARTIAL_TABLE);
        int index = (int) r.index();
        if (!table.isTable()) return EntryUpdates.write(s, r.mfn(), index, r.val());
        int level = table.type().level();
        require(level == 1 || pgOwner == c.domain(), MMU_FOREIGN_UPPER);
        s = EntryUpdates.modEntry(s, r.mfn(), level, index, r.val(), pgOwner);
        // XSA-286 (mm.c:4141, 4150, 4159, 4310-4342): a successful L2/L3/L4 update flushes the
        // page-table owner's TLBs on all its vCPUs. Xen flushes once after the loop, even when a
        // later request fails; flushing here is the same, since nothing in a batch fills a TLB.
        return level == 1 ? s : Tlbs.flushAll(s, c.domain());
    }
}
