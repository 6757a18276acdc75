package pvspec.model.rules;

import static pvspec.model.abi.check.Check.GNTTAB_QUERY_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_QUERY_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_BAD_VIRT_ADDR;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_FRAME_LIST_NOT_GUEST;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.GNTTAB_SETUP_TOO_MANY_FRAMES;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;
import pvspec.model.state.Domain;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.State;

/**
 * A grant table's size: {@code GNTTABOP_setup_table} and {@code GNTTABOP_query_size}
 * ({@code grant_table.c:gnttab_setup_table}, {@code gnttab_query_size}, {@code gnttab_grow_table}).
 *
 * <p>The table's size is the length of {@code Domain.grants}: {@code nr_grant_frames} frames of
 * {@code Config.grantsPerFrame()} references each. A domain starts with one frame
 * ({@code INITIAL_NR_GRANT_FRAMES}); setup_table grows it to the frames asked, up to
 * {@code Config.grantFrames()} ({@code max_grant_frames}); nothing shrinks it. A frame holds
 * {@code Config.grantsPerFrame(version)} references, half as many in a v2 table ({@link GrantTableVersion}).
 * Every lookup of a reference compares it with the length, as Xen compares with
 * {@code nr_grant_entries}. Xen then writes the frames' numbers to the caller's {@code frame_list}
 * through its page tables ({@link CopyToGuest}); the model's grant frames are its
 * {@code Domain.grants}, not machine frames, so the numbers themselves are not modelled: a
 * write succeeds or faults, and tags the frame it lands in.
 */
final class GrantTableSize {
    private GrantTableSize() {}

    /** {@code gnttab_setup_table} (grant_table.c:2079-2167), checked in Xen's order. */
    static Outcome setup(State s, Caller c, GrantTableOp.SetupTable h) {
        require(CopyToGuest.handleOkay(s, h.frameList()), GNTTAB_SETUP_FRAME_LIST_NOT_GUEST); // :2095-2096
        int dom = target(s, c, h.dom(), GNTTAB_SETUP_BAD_DOMAIN, GNTTAB_SETUP_NOT_PERMITTED);
        long nrFrames = h.nrFrames() & 0xFFFFFFFFL; // uint32_t
        require(nrFrames <= s.config().grantFrames(), GNTTAB_SETUP_TOO_MANY_FRAMES);
        // limit_max is UINT_MAX for a 64-bit guest (:3776-3777): its check (:2121-2127) never fires.
        Domain d = s.dom(dom);
        int want = (int) nrFrames * s.config().grantsPerFrame(d.grantVersion());
        // gnttab_grow_table (:1921-1985); a v2 table's status frames grow with it (:1955-1957).
        if (want > d.grants().size()) s = s.withDomain(grow(d, want));
        // The frame numbers (:2142-2155); on a fault what was grown and written stays.
        CopyToGuest.Copied w = CopyToGuest.frameNumbers(s, c, h.frameList(), nrFrames);
        if (!w.ok()) return Outcome.refused(w.state(), GNTTAB_SETUP_BAD_VIRT_ADDR.result(), GNTTAB_SETUP_BAD_VIRT_ADDR);
        return Outcome.of(w.state(), Result.gnt(Gntst.GNTST_okay));
    }

    /** {@code gnttab_query_size} (grant_table.c:2170-2215). */
    static Outcome query(State s, Caller c, GrantTableOp.QuerySize h) {
        int dom = target(s, c, h.dom(), GNTTAB_QUERY_BAD_DOMAIN, GNTTAB_QUERY_NOT_PERMITTED);
        return Outcome.of(s, new Result.GntSize(frames(s, s.dom(dom)), s.config().grantFrames()));
    }

    /** {@code nr_grant_frames(gt)}. */
    static int frames(State s, Domain d) {
        return d.grants().size() / s.config().grantsPerFrame(d.grantVersion());
    }

    /**
     * {@code rcu_lock_domain_by_any_id} (DOMID_SELF is the caller; a dying domain is found), then
     * {@code xsm_grant_setup}/{@code xsm_grant_query_size} with {@code XSM_TARGET}: the caller's own
     * table, or any for a privileged caller (xsm/dummy.h:206-210, 227-231; :80-101).
     */
    static int target(State s, Caller c, int domid, Check noDomain, Check notPermitted) {
        int dom = DomId.resolve(domid & 0xFFFF, c); // domid_t
        require(s.domains().containsKey(dom), noDomain);
        require(dom == c.domain() || s.dom(c.domain()).privileged(), notPermitted);
        return dom;
    }

    /** New frames of unused entries ({@code clear_page} of each new shared frame). */
    private static Domain grow(Domain d, int entries) {
        var grants = d.grants();
        while (grants.size() < entries) grants = grants.plus(GrantEntry.INVALID);
        return d.withGrants(grants);
    }
}
