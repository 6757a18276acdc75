package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_okay;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/**
 * XSA-299 class (restartable type changes in {@code relinquish_memory}, the fix
 * {@code bf656e02d8}): the toolstack's {@code destroydomain} of a granter is preempted inside the
 * put of its pinned top-level table (domain.c:2308-2347: the table is left {@code PGT_partial},
 * not pinned again, the pin's general reference dropped) and returns {@code -ERESTART}
 * (domctl.c:755-759). Before the continuation the grantee maps the dying granter's grant: Xen
 * finds the granter ({@code rcu_lock_domain_by_any_id}) and {@code get_page} does not look at
 * {@code is_dying} (grant_table.c:1234 only silences a warning), so the map succeeds and the frame
 * outlives the teardown. The continuation tears the partial table down from
 * {@code nr_validated_ptes}; the granter lingers until the grantee unmaps, then it is gone with
 * every frame. A teardown that pinned the partial table again would leak its partial reference.
 */
public final class Xsa299MapGrantOfHalfDestroyedDomain implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("map-grant-of-half-destroyed-domain", "XSA-299", "a half-destroyed domain's resources",
                "destroy the granter with the check inside its top-level table's unpin firing; map its grant before the continuation; continue; unmap",
                "restart done=0; the map succeeds; OK; the granter lingers until the unmap, then it is gone with every frame");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        int granter = g.granter().domid();
        g.granter().hp().ok(Calls.grantAccess(0, g.grantee().domid(), g.frame(), false));
        // relinquish_memory checks once after every frame before the top-level table (domain.c:2424),
        // then in the table's demote loop (mm.c:1880-1888): make that first demote check fire.
        s.attempt(s.dom0(), Calls.destroyDomain(granter, framesBelow(s.state(), granter, g.granter().top()) + 1), new Result.Restart(0));
        s.attempt(g.grantee().hp(), Calls.mapGrantRef(granter, 0, false, g.grantee().spareVa(0)), Result.value(0));
        s.attempt(s.dom0(), Calls.destroyDomain(granter), Result.OK);
        boolean lingered = s.state().domains().containsKey(granter);
        s.postcondition("the granter lingered, dying, while its frame was mapped", st -> lingered);
        s.attempt(g.grantee().hp(), Calls.unmapGrantRef(0, g.grantee().spareVa(0)), gnt(GNTST_okay));
        s.postcondition("after the unmap the granter is gone and owns no frame", st -> {
            if (st.domains().containsKey(granter)) return false;
            for (var f : st.frames()) if (f.owner() == granter) return false;
            return true;
        });
    }

    private static int framesBelow(State st, int owner, long mfn) {
        int n = 0;
        for (int i = 0; i < mfn; i++) if (st.frame(i).owner() == owner) n++;
        return n;
    }
}
