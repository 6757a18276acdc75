package pvspec.model.rules;

import static pvspec.model.abi.check.Check.GNTTAB_SWAP_A_BUSY;
import static pvspec.model.abi.check.Check.GNTTAB_SWAP_BAD_REF_A;
import static pvspec.model.abi.check.Check.GNTTAB_SWAP_BAD_REF_B;
import static pvspec.model.abi.check.Check.GNTTAB_SWAP_B_BUSY;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.State;

/**
 * {@code GNTTABOP_swap_grant_ref}, one {@code struct gnttab_swap_grant_ref} a request, as
 * {@code swap_grant_ref} (grant_table.c:3489-3570) does it in the caller's own table
 * ({@code rcu_lock_current_domain}: no domain argument, no XSM hook): both references in range,
 * then a reference swapped with itself is a no-op, then neither entry may be pinned, then the
 * two shared entries change places.
 *
 * <p>An entry is pinned ({@code act->pin}) exactly while some mapping of it exists: the model's
 * {@link GrantEntry#inUse()}, as for the map and the copy. The active entries stay with their
 * references (both are unpinned, so nothing in them is live). Xen returns GNTST_eagain for a
 * pinned entry: the granter would otherwise retarget a live mapping's entry behind it.
 *
 * <p>A v1 table swaps the whole {@code grant_entry_v1} (flags, domid, frame: :3537-3544); a v2
 * table swaps the {@code grant_entry_v2} and the entries' separate {@code grant_status_t} words
 * (:3545-3555), which the model keeps in the entry's flags ({@link GrantTableVersion}): for either
 * version the model's entries change places whole, and the table's size is its current
 * {@code nr_grant_entries} for its version.
 *
 * <p>The hypercall's batch ({@code gnttab_swap_grant_ref}, :3572-3591) copies each element's
 * status back to it and returns 0; its preemption check skips the first element, and a request of
 * the model is one element, so it never fires. No CONFIG option and no {@code max_version} guards
 * the sub-command (do_grant_table_op, :3832-3846): ENOSYS is only {@code default:}'s (:3867-3868).
 */
final class GrantSwap {
    private GrantSwap() {}

    /** {@code swap_grant_ref}, checked in Xen's order. */
    static Outcome swap(State s, Caller c, GrantTableOp.SwapGrantRef h) {
        Domain d = s.dom(c.domain());
        int entries = d.grants().size(); // nr_grant_entries(d->grant_table)
        int a = h.refA();
        int b = h.refB();
        require(Integer.compareUnsigned(a, entries) < 0, GNTTAB_SWAP_BAD_REF_A); // grant_ref_t: unsigned
        require(Integer.compareUnsigned(b, entries) < 0, GNTTAB_SWAP_BAD_REF_B);
        if (a == b) return Outcome.of(s, Result.gnt(Gntst.GNTST_okay)); // :3517-3519
        GrantEntry ea = d.grants().get(a);
        GrantEntry eb = d.grants().get(b);
        require(!ea.inUse(), GNTTAB_SWAP_A_BUSY);
        require(!eb.inUse(), GNTTAB_SWAP_B_BUSY);
        return Outcome.of(s.withDomain(d.withGrant(a, eb).withGrant(b, ea)), Result.gnt(Gntst.GNTST_okay));
    }
}
