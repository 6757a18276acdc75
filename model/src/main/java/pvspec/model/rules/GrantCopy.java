package pvspec.model.rules;

import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_ARG;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_FRAME;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_PAGE;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_FRAME_NOT_SELF;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_GRANTER_DYING;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_NOT_GRANTED;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_NOT_WRITABLE;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_PINNED_BY_OTHER;
import static pvspec.model.abi.check.Check.GNTTAB_COPY_READONLY;
import static pvspec.model.rules.Refusal.require;
import static pvspec.model.state.GrantEntry.GTF_writing;

import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.state.Words;

/**
 * {@code GNTTABOP_copy}, one {@code struct gnttab_copy} a request, as {@code gnttab_copy_one}
 * does it with no buffer held from an earlier element: lock both domains, claim the source (read
 * only), claim the destination (a write pin of a grant, and the writable type), check that the
 * copy stays within a page on either side, copy.
 *
 * <p>What a copy claims it releases before the hypercall returns ({@code gnttab_copy_release_buf}:
 * the type, the general reference, the pin and with it {@code GTF_reading}/{@code GTF_writing}),
 * so the checks run on a scratch state (the destination's claim sees the source's references) and
 * the only change is the destination's bytes. The source's pin of an entry does not change the
 * destination's checks of the same entry: the entry passed them for the source already. Only v1
 * entries, no transitive grants: an entry covers its whole page
 * ({@code ptr.offset} 0, {@code len} {@code PAGE_SIZE}), so the bounds checks after
 * {@code GNTST_bad_copy_arg} (:3091-3106) always pass.
 *
 * <p>Representation: a frame's words are the first {@code 8 * Config.entries()} bytes of its page;
 * the copy moves bytes, and bytes beyond the words read as zero and are not kept.
 */
final class GrantCopy {
    private GrantCopy() {}

    /** Xen's {@code PAGE_SIZE}: offsets and length are bytes of a 4 KiB page. */
    static final int PAGE_SIZE = 4096;

    /** One claimed side: the state with its references taken, and its frame. */
    private record Claim(State state, long frame) {}

    /** {@code gnttab_copy_one} (grant_table.c:3118-3162) for a fresh pair of buffers. */
    static Outcome copy(State s, Caller c, GrantTableOp.Copy h) {
        int len = h.len() & 0xFFFF; // uint16_t
        if (len == 0) return Outcome.of(s, Result.gnt(Gntst.GNTST_okay)); // :3123-3124, before any check
        // gnttab_copy_lock_domains (:2958-2984): source, then destination; xsm_grant_copy is XSM_HOOK.
        int src = lockDomain(s, c, h.sourceDom(), h.sourceGref());
        int dst = lockDomain(s, c, h.destDom(), h.destGref());
        Claim from = claim(s, c, src, h.sourceGref(), h.source(), true);
        Claim to = claim(from.state(), c, dst, h.destGref(), h.dest(), false);
        int sourceOffset = h.sourceOffset() & 0xFFFF;
        int destOffset = h.destOffset() & 0xFFFF;
        require(sourceOffset + len <= PAGE_SIZE && destOffset + len <= PAGE_SIZE, GNTTAB_COPY_BAD_ARG);
        return Outcome.of(write(s, from.frame(), sourceOffset, to.frame(), destOffset, len), Result.gnt(Gntst.GNTST_okay));
    }

    /** {@code gnttab_copy_lock_domain} (:2926-2941): a frame is named only with DOMID_SELF. */
    private static int lockDomain(State s, Caller c, int domid, boolean gref) {
        int id = domid & 0xFFFF; // domid_t
        require(id == DomId.DOMID_SELF || gref, GNTTAB_COPY_FRAME_NOT_SELF);
        int dom = DomId.resolve(id, c);
        require(s.domains().containsKey(dom), GNTTAB_COPY_BAD_DOMAIN); // rcu_lock_domain_by_any_id: a dying domain is found
        return dom;
    }

    /**
     * {@code gnttab_copy_claim_buf} (:3010-3067): a grant reference through
     * {@code acquire_grant_for_copy}, a frame through {@code get_paged_frame} (a general
     * reference to a frame of {@code dom}); the destination then takes the writable type.
     */
    private static Claim claim(State s, Caller c, int dom, boolean gref, long ptr, boolean readonly) {
        long frame;
        if (gref) {
            Claim got = acquire(s, dom, ptr & 0xFFFFFFFFL, c.domain(), readonly); // the union's grant_ref_t
            s = got.state();
            frame = got.frame();
        } else {
            s = PageTypes.getPage(s, ptr, dom, GNTTAB_COPY_BAD_FRAME);
            frame = ptr;
        }
        if (!readonly) s = PageTypes.getPageType(s, frame, PageType.WRITABLE, GNTTAB_COPY_NOT_WRITABLE);
        return new Claim(s, frame);
    }

    /**
     * {@code acquire_grant_for_copy} (:2599-2903) for a v1 entry of domain {@code rd}, copied by
     * {@code me}: a general reference to the granted frame. An entry is pinned ({@code act->pin})
     * while it is mapped; its frame is then the one the entry names, which its granter cannot
     * change while it is in use, so the comparison of :2858-2867 never fails.
     */
    private static Claim acquire(State s, int rd, long ref, int me, boolean readonly) {
        require(ref < s.dom(rd).grants().size(), GNTTAB_COPY_BAD_REF); // nr_grant_entries
        GrantEntry e = s.dom(rd).grants().get((int) ref);
        boolean pinned = e.inUse();
        require(!pinned || e.domid() == me, GNTTAB_COPY_PINNED_BY_OTHER);
        if (!pinned || !readonly && (e.flags() & GTF_writing) == 0) {
            // _set_status_v1: the entry's type and domid only when unpinned, its readonly flag for a write pin.
            if (!pinned) require(e.permitsAccess() && e.domid() == me, GNTTAB_COPY_NOT_GRANTED);
            require(readonly || !e.readonly(), GNTTAB_COPY_READONLY);
            return new Claim(PageTypes.getPage(s, e.frame(), rd, GNTTAB_COPY_BAD_PAGE), e.frame()); // get_paged_frame
        }
        // page_get_owner_and_reference(act->mfn): the granter's, and not dying (:2871-2886).
        require(s.dom(rd).alive(), GNTTAB_COPY_GRANTER_DYING);
        return new Claim(PageTypes.getPage(s, e.frame(), rd, GNTTAB_COPY_GRANTER_DYING), e.frame());
    }

    /**
     * The {@code memcpy} (:3111-3112): bytes {@code [to, to + len)} of {@code dest} get bytes
     * {@code [from, from + len)} of {@code source}, as the state held them before the copy
     * (source and destination may be one frame: memcpy of overlapping ranges is Xen's own
     * undefined case; the model reads the old bytes). The destination now holds its owner's data.
     */
    static State write(State s, long source, int from, long dest, int to, int len) {
        Words in = s.frame(source).contents();
        Frame f = s.frame(dest);
        Words out = f.contents();
        int bytes = 8 * out.size();
        for (int b = Math.max(0, to); b < Math.min(bytes, to + len); b++) {
            int sb = b - to + from;
            long v = sb < 8 * in.size() ? in.get(sb >> 3) >>> ((sb & 7) * 8) & 0xFF : 0;
            int w = b >> 3;
            int shift = (b & 7) * 8;
            out = out.with(w, out.get(w) & ~(0xFFL << shift) | v << shift);
        }
        return s.withFrame(dest, f.withContents(out).withDataTag(f.owner()));
    }
}
