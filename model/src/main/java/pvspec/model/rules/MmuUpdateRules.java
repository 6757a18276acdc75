package pvspec.model.rules;

import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Errno.ESRCH;
import static pvspec.model.rules.Refusal.require;

import java.util.List;
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

    /** {@code get_pg_owner}: naming yourself explicitly is refused; use DOMID_SELF. */
    static final Refusal FOREIGN_IS_SELF = Refusal.of(ESRCH, "foreigndom names the caller itself; it must be DOMID_SELF");
    static final Refusal FOREIGN_UNKNOWN = Refusal.of(ESRCH, "foreigndom names no live domain");
    /** XSM {@code mmu_update}: only the control domain maps other domains' frames. */
    static final Refusal FOREIGN_NOT_PRIVILEGED = Refusal.of(EPERM, "only the control domain may map another domain's frames");
    static final Refusal BAD_PTR = Refusal.of(EINVAL, "the entry pointer names no frame or no slot");
    static final Refusal NOT_OWNED = Refusal.of(EINVAL, "the page table is not the caller's");
    /** {@code mod_l2..l4_entry} run only when foreigndom is the table owner. */
    static final Refusal FOREIGN_UPPER = Refusal.of(EINVAL, "an L2/L3/L4 entry can only be written with foreigndom DOMID_SELF");

    static final List<Refusal> REFUSALS = List.of(FOREIGN_IS_SELF, FOREIGN_UNKNOWN, FOREIGN_NOT_PRIVILEGED, BAD_PTR,
            NOT_OWNED, FOREIGN_UPPER);

    static Outcome apply(State s, Caller c, MmuUpdate h) {
        int pgOwner = pageOwner(s, c, h.foreigndom());
        return Batches.run(s, h.requests(), (st, r) -> update(st, c, pgOwner, r));
    }

    /** {@code get_pg_owner} (mm.c:4051): whose frames the caller's L1 entries may map in this call. */
    private static int pageOwner(State s, Caller c, int foreigndom) {
        if (foreigndom == DomId.DOMID_SELF) return c.domain();
        require(foreigndom != c.domain(), FOREIGN_IS_SELF);
        // DOMID_XEN names dom_xen, the owner of Xen's own frames (common/page_alloc.c:2946-2948).
        require(foreigndom == DomId.DOMID_XEN || s.isAlive(foreigndom), FOREIGN_UNKNOWN);
        return foreigndom;
    }

    private static State update(State s, Caller c, int pgOwner, MmuUpdate.Request r) {
        // xsm_mmu_update (mm.c:4087-4096) runs inside the loop, for the first request: an empty
        // batch naming a foreign domain succeeds, a non-empty one fails with "0 done".
        require(pgOwner == c.domain() || s.dom(c.domain()).privileged(), FOREIGN_NOT_PRIVILEGED);
        require(s.validMfn(r.mfn()) && r.index() >= 0 && r.index() < s.config().entries(), BAD_PTR);
        Frame table = s.frame(r.mfn());
        require(table.owner() == c.domain(), NOT_OWNED);
        int index = (int) r.index();
        if (!table.isTable()) return EntryUpdates.write(s, r.mfn(), index, r.val());
        int level = table.type().level();
        require(level == 1 || pgOwner == c.domain(), FOREIGN_UPPER);
        s = EntryUpdates.modEntry(s, r.mfn(), level, index, r.val(), pgOwner);
        // XSA-286 (mm.c:4141, 4150, 4159, 4310-4342): a successful L2/L3/L4 update flushes the
        // page-table owner's TLBs on all its vCPUs. Xen flushes once after the loop, even when a
        // later request fails; flushing here is the same, since nothing in a batch fills a TLB.
        return level == 1 ? s : Tlbs.flushAll(s, c.domain());
    }
}
