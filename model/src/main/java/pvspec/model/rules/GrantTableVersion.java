package pvspec.model.rules;

import static pvspec.model.abi.check.Check.GNTTAB_GET_VERSION_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_GET_VERSION_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.GNTTAB_SET_VERSION_BAD;
import static pvspec.model.abi.check.Check.GNTTAB_SET_VERSION_IN_USE;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_BAD_VIRT_ADDR;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_LIST_NOT_GUEST;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_NOT_PERMITTED;
import static pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_TOO_MANY;
import static pvspec.model.rules.Refusal.require;
import static pvspec.model.state.GrantEntry.GNTTAB_NR_RESERVED_ENTRIES;

import org.pcollections.PVector;
import org.pcollections.TreePVector;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.State;

/**
 * A grant table's version: {@code GNTTABOP_set_version}, {@code GNTTABOP_get_version} and
 * {@code GNTTABOP_get_status_frames} ({@code grant_table.c:gnttab_set_version},
 * {@code gnttab_get_version}, {@code gnttab_get_status_frames}).
 *
 * <p>A v2 table keeps an entry's {@code GTF_reading}/{@code GTF_writing} in a separate status
 * entry; the model keeps them in the entry's flags in either version (the entries the model's
 * guests write, permit_access and accept_transfer, decide the same way on the combined flags).
 * A v2 entry is twice as large, so a frame holds half as many ({@code Config.grantsPerFrame(int)}):
 * {@code Domain.grants} is always {@code nr_grant_entries} long. A v2 table has
 * {@code grant_to_status_frames(nr_grant_frames)} status frames, a v1 table none; they are Xen
 * heap pages, not frames of the model's machine, so their number follows from version and size.
 *
 * <p>Every model domain may use v2: {@code createdomain} has no {@code max_grant_version}, and
 * the toolstack's default and dom0's are {@code opt_gnttab_max_version}, 2 unless Xen is booted
 * with {@code gnttab=max-ver:1} (grant_table.c:185-189, 1999-2030). Unreachable in the model, so
 * no check of the registry: {@code -ENOSYS} for that reason (:3241-3243); {@code -ENOMEM} of
 * {@code gnttab_populate_status_frames} (Xen's heap does not run out); {@code -EAGAIN} while
 * {@code nr_v2_ops} (a copy of a v2 entry in progress on another CPU: each model request is one
 * atomic step); {@code -ERANGE} for a reserved v2 entry that v1 cannot express (a frame at or
 * above 2^32, or transitive: the model's frames are few and its guests write no transitive
 * entries); {@code -EBUSY} of {@code gnttab_unpopulate_status_frames} (a PV guest cannot map a
 * status frame in the model); {@code -EFAULT} (the arguments are not in guest memory).
 */
final class GrantTableVersion {
    private GrantTableVersion() {}

    /** {@code gnttab_set_version} (grant_table.c:3224-3383), checked in Xen's order; the result is the version after it. */
    static Outcome set(State s, Caller c, GrantTableOp.SetVersion h) {
        long version = h.version() & 0xFFFFFFFFL; // uint32_t
        require(version == 1 || version == 2, GNTTAB_SET_VERSION_BAD);
        // :3241-3243: ENOSYS for v2 when max_version is 1, which no model domain's is (every one's is 2).
        Domain d = s.dom(c.domain());
        int v = (int) version;
        if (d.grantVersion() == v) return Outcome.of(s, Result.value(v)); // :3247-3249
        // Entries beyond the reserved ones must not be pinned (:3250-3268); the reserved ones may be.
        // act->pin is the entry in use, as for map, copy and swap (the model's copies pin only within their step).
        for (int ref = GNTTAB_NR_RESERVED_ENTRIES; ref < d.grants().size(); ref++) {
            require(!d.grants().get(ref).inUse(), GNTTAB_SET_VERSION_IN_USE);
        }
        // The reserved entries are kept, converted (:3307-3369); every other entry is cleared
        // (clear_page of every shared frame, :3342-3344), and the frames now hold the new
        // version's number of entries. The status frames come (:3270-3277) or go (:3339-3341) with v2.
        int size = GrantTableSize.frames(s, d) * s.config().grantsPerFrame(v);
        PVector<GrantEntry> grants = TreePVector.empty();
        for (int ref = 0; ref < size; ref++) {
            boolean kept = ref < GNTTAB_NR_RESERVED_ENTRIES && ref < d.grants().size();
            grants = grants.plus(kept ? convert(d.grants().get(ref), v) : GrantEntry.INVALID);
        }
        return Outcome.of(s.withDomain(d.withGrantVersion(v, grants)), Result.value(v));
    }

    /**
     * A reserved entry in the new version: v1 to v2 keeps it (its reading/writing bits move to
     * the status entry, :3354-3366); v2 to v1 keeps a permit_access entry with its status and
     * clears any other (:3315-3334).
     */
    private static GrantEntry convert(GrantEntry e, int to) {
        return to == 2 || e.permitsAccess() ? e : GrantEntry.INVALID;
    }

    /** {@code gnttab_get_version} (grant_table.c:3465-3487). */
    static Outcome get(State s, Caller c, GrantTableOp.GetVersion h) {
        int dom = GrantTableSize.target(s, c, h.dom(), GNTTAB_GET_VERSION_BAD_DOMAIN, GNTTAB_GET_VERSION_NOT_PERMITTED);
        return Outcome.of(s, Result.value(s.dom(dom).grantVersion()));
    }

    /**
     * {@code gnttab_get_status_frames} (grant_table.c:3385-3462), checked in Xen's order: the
     * status frames' numbers written to {@code frame_list} as {@code setup_table} writes its
     * frames' ({@link CopyToGuest}); a fault keeps the numbers written before it.
     */
    static Outcome statusFrames(State s, Caller c, GrantTableOp.GetStatusFrames h) {
        require(CopyToGuest.handleOkay(s, h.frameList()), GNTTAB_STATUS_FRAMES_LIST_NOT_GUEST); // :3406-3407
        int dom = GrantTableSize.target(s, c, h.dom(), GNTTAB_STATUS_FRAMES_BAD_DOMAIN, GNTTAB_STATUS_FRAMES_NOT_PERMITTED);
        long nrFrames = h.nrFrames() & 0xFFFFFFFFL; // uint32_t
        require(nrFrames <= statusFrames(s, s.dom(dom)), GNTTAB_STATUS_FRAMES_TOO_MANY);
        CopyToGuest.Copied w = CopyToGuest.frameNumbers(s, c, h.frameList(), nrFrames); // :3437-3444
        if (!w.ok()) return Outcome.refused(w.state(), GNTTAB_STATUS_FRAMES_BAD_VIRT_ADDR.result(), GNTTAB_STATUS_FRAMES_BAD_VIRT_ADDR);
        return Outcome.of(w.state(), Result.gnt(Gntst.GNTST_okay));
    }

    /**
     * {@code nr_status_frames(gt)}: none for v1; for v2 {@code grant_to_status_frames} of the
     * table's frames (grant_table.c:484-487: 256 v2 entries a frame, 2048 status entries a page).
     */
    static int statusFrames(State s, Domain d) {
        return d.grantVersion() == 2 ? (GrantTableSize.frames(s, d) * 256 + 2047) / 2048 : 0;
    }
}
