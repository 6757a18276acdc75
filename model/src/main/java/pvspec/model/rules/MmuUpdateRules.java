package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MMU_BAD_PTR;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.MMU_FOREIGN_UPPER;
import static pvspec.model.abi.check.Check.MMU_MACHPHYS_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMU_MACHPHYS_PT_OWNER;
import static pvspec.model.abi.check.Check.MMU_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMU_PT_OWNER_UNKNOWN;
import static pvspec.model.abi.check.Check.MMU_SEG_DESC_PAGE;
import static pvspec.model.abi.check.Check.MMU_UNKNOWN_CMD;
import static pvspec.model.abi.check.Check.MMU_PARTIAL_TABLE;
import static pvspec.model.rules.Refusal.require;

import java.util.Optional;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Result;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/**
 * {@code mmu_update}: write entries of the page-table owner's tables, each checked as Xen's
 * {@code do_mmu_update} checks it, or M2P entries. An entry of a validated table is changed
 * through {@link EntryUpdates#modEntry} (new references first, fast path for harmless bits); a
 * frame that is not a page table is ordinary memory and is written as it is.
 *
 * <p>The M2P's contents are not part of the state: no hypercall of the model reads them (every
 * domain is PV, never {@code paging_mode_translate}, and guests read the M2P through memory,
 * which the model does not have). {@code MMU_MACHPHYS_UPDATE} is its checks, who may write the
 * entry of which frame (XSA-113), and the frame reference it takes and drops again.
 */
final class MmuUpdateRules {
    private MmuUpdateRules() {}

    /** The domains of one call: whose tables are written, and whose frames L1 entries may map. */
    private record Owners(int pt, int pg) {}

    static Outcome apply(State s, Caller c, MmuUpdate h) {
        // put_old_guest_table comes first, whatever the arguments (mm.c:4003-4012); preempted,
        // the call is re-issued as it was.
        Preemption p = Preemption.at(h.preempt());
        Outcome first = OldGuestTable.putFirst(s, c, p);
        if (first.result() instanceof Result.Restart) return first;
        State st = first.state();
        Owners o;
        try {
            o = owners(st, c, h);
        } catch (Refusal r) {
            return Outcome.refused(st, new Result.Partial(r.check().errno(), 0), r.check());
        }
        return Batches.runDeferring(st, c, h.requests(), p,
                (x, r) -> r.isMachphys() ? new Batches.Done(machphys(x, c, o, r), -1) : update(x, c, o, r, p));
    }

    /** mm.c:4036-4055: the page-table owner first (ESRCH), then {@code get_pg_owner} of the low 16 bits. */
    private static Owners owners(State s, Caller c, MmuUpdate h) {
        int pt = c.domain();
        if (h.ptDom() != 0) {
            // rcu_lock_domain_by_id, not _by_any_id: DOMID_SELF + 1 names nothing. Every domain of
            // the model has vCPU 0 (createdomain needs one), so mm.c:4044's EINVAL never applies.
            pt = h.ptDom() - 1;
            require(s.domains().containsKey(pt), MMU_PT_OWNER_UNKNOWN);
        }
        return new Owners(pt, PgOwner.of(s, c, h.pgDom()));
    }

    /**
     * {@code xsm_mmu_update(XSM_TARGET, d, t, pg_owner)} (xsm/dummy.h:675-686): the page owner
     * unless it is dom_io, then the table owner {@code t} if given. Xen runs it inside the loop
     * when a request needs new permission bits (mm.c:4097-4103, 4232-4239); the dummy policy's
     * answer does not depend on the bits, so checking every request is the same.
     */
    private static void xsm(State s, Caller c, int t, int pg) {
        boolean ok = (pg == DomId.DOMID_IO || PgOwner.xsmTarget(s, c, pg)) && (t < 0 || PgOwner.xsmTarget(s, c, t));
        require(ok, MMU_FOREIGN_NOT_PRIVILEGED);
    }

    private static Batches.Done update(State s, Caller c, Owners o, MmuUpdate.Request r, Preemption p) {
        require(r.cmd() <= MmuUpdate.PT_UPDATE_NO_TRANSLATE, MMU_UNKNOWN_CMD);
        xsm(s, c, o.pt(), o.pg());
        // get_page_from_gfn(pt_owner, gmfn) (mm.c:4101-4117): a PV table owner's gfn is the mfn.
        require(s.validMfn(r.mfn()) && r.index() >= 0 && r.index() < s.config().entries(), MMU_BAD_PTR);
        Frame table = s.frame(r.mfn());
        require(table.owner() == o.pt(), MMU_NOT_OWNED);
        require(!table.partial(), MMU_PARTIAL_TABLE);
        int index = (int) r.index();
        require(table.type() != PageType.SEG_DESC, MMU_SEG_DESC_PAGE);
        if (!table.isTable()) return new Batches.Done(EntryUpdates.write(s, r.mfn(), index, r.val()), -1);
        int level = table.type().level();
        require(level == 1 || o.pg() == o.pt(), MMU_FOREIGN_UPPER);
        // PRESERVE_AD keeps the old entry's A and D bits (pv/mm.h:update_intpte 84-85); NO_TRANSLATE
        // only skips the p2m translation of a translated page owner (mm.c:2176-2177): never for PV.
        // mod_l3/l4_entry type a new child preemptibly (-ERESTART: the request is not done).
        EntryUpdates.Written w = EntryUpdates.modEntryKeepingOld(s, r.mfn(), level, index, r.val(), o.pg(), r.cmd() == MmuUpdate.PT_UPDATE_PRESERVE_AD, p);
        // mod_l1_entry drops the old entry's references at once (mm.c:2258); mod_l2..l4_entry
        // leave the old table to a deferred put, its linear counts dropped with it (mm.c:2318, 2381, 2443).
        if (level == 1) return new Batches.Done(PageTypes.putPageFromL1e(w.state(), w.old(), r.mfn(), c), -1);
        long deferred = PageTypes.deferredPut(w.state(), w.old(), r.mfn());
        s = deferred < 0 ? w.state() : PageTypes.unlinkLinear(w.state(), w.old(), r.mfn(), level);
        // XSA-286 (mm.c:4141, 4150, 4159, 4310-4342): a successful L2/L3/L4 update flushes the
        // page-table owner's TLBs on all its vCPUs. Xen flushes once after the loop, even when a
        // later request fails; flushing here is the same, since nothing in a batch fills a TLB.
        return new Batches.Done(Tlbs.flushAll(s, o.pt()), deferred);
    }

    /**
     * {@code MMU_MACHPHYS_UPDATE} (mm.c:4216-4254): only for the caller's own tables; never a
     * translated page owner (no PV domain is, so mm.c:4223's EINVAL never applies); XSM without
     * a table owner; then the frame must be the page owner's (XSA-113). The M2P entry it sets is
     * not modelled (see the class comment).
     */
    private static State machphys(State s, Caller c, Owners o, MmuUpdate.Request r) {
        require(o.pt() == c.domain(), MMU_MACHPHYS_PT_OWNER);
        xsm(s, c, -1, o.pg());
        require(PgOwner.owns(s, r.mfn(), o.pg()), MMU_MACHPHYS_NOT_OWNED);
        return s;
    }
}
