package pvspec.model.rules;

import static pvspec.model.abi.check.Check.GNTTAB_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_IN_USE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_FRAME;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_HOST;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_FLAGS;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_COULD_NOT_PIN;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NOT_GRANTED;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NOT_HOST;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NO_HANDLE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_PAGE_TABLE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_READONLY;
import static pvspec.model.abi.check.Check.GNTTAB_UNKNOWN_COMMAND;
import static pvspec.model.abi.check.Check.GNTTAB_UNMAP_BAD_HANDLE;
import static pvspec.model.abi.check.Check.GNTTAB_UNMAP_PTE_MISMATCH;
import static pvspec.model.abi.Gntst.GNTST_okay;
import static pvspec.model.abi.GrantTableOp.GNTMAP_device_map;
import static pvspec.model.abi.GrantTableOp.GNTMAP_host_map;
import static pvspec.model.abi.GrantTableOp.GNTMAP_readonly;
import static pvspec.model.rules.Refusal.require;
import static pvspec.model.state.GrantEntry.GTF_permit_access;
import static pvspec.model.state.GrantEntry.GTF_reading;
import static pvspec.model.state.GrantEntry.GTF_readonly;
import static pvspec.model.state.GrantEntry.GTF_writing;

import pvspec.model.abi.Caller;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/**
 * Grant tables: the granter's own writes ({@code grant}, {@code end_access}) and the grantee's
 * {@code map_grant_ref} / {@code unmap_grant_ref} (v1, host mappings), as
 * {@code common/grant_table.c} and {@code arch/x86/pv/grant_table.c} do them.
 *
 * <p>While a grant is mapped, Xen keeps {@code GTF_reading} (and {@code GTF_writing} for a
 * writable map) set in the granter's entry, and the granter cannot revoke or change it. The map
 * takes a general reference to the granted frame (and its writable type if writable); those
 * references belong to the grant PTE it writes: {@code unmap_grant_ref} drops them after
 * clearing the PTE, and an ordinary update that replaces the PTE ({@code mmu_update},
 * {@code update_va_mapping}, a second map at the same address) drops them through
 * {@code put_page_from_l1e}. The maptrack entry and the in-use flags stay; the later unmap then
 * fails Xen's check that the PTE still maps the grant (XSA-234), and the grant stays in use until
 * the mapper dies. The L1 holding the entry is only looked up, never referenced.
 *
 * <p>Build configuration: the model marks grant PTEs with the debug build's {@code _PAGE_GNTTAB}
 * and follows the release build ({@code NDEBUG}) in not injecting #GP when an ordinary update
 * drops one (mm.c:1219-1227 is compiled only in debug builds).
 *
 * <p>ABI v1: {@code unmap_grant_ref} names the handle only; the model checks the PTE at the slot
 * the map resolved (Xen walks the {@code host_addr} the guest passes, which is that slot unless
 * the guest rewired its upper tables in between; ABI v2 adds {@code host_addr}).
 */
final class GrantTableRules {
    private GrantTableRules() {}

    static Outcome apply(State s, Caller c, GrantTableOp h) {
        return h.accept(new GrantTableOp.Visitor<>() {
            @Override public Outcome mapGrantRef(GrantTableOp.MapGrantRef x) { return map(s, c, x); }

            @Override
            public Outcome unmapGrantRef(GrantTableOp.UnmapGrantRef x) {
                return GrantTableRules.unmapGrantRef(s, c, x.handle());
            }

            @Override public Outcome unknown(GrantTableOp.Unknown x) { throw Refusal.of(GNTTAB_UNKNOWN_COMMAND); }
        });
    }

    /** The granter writes its own table: offer a frame, or revoke an offer nobody maps. */
    static Outcome write(State s, Caller c, GrantTableWrite h) {
        Domain d = s.dom(c.domain());
        require(h.ref() >= 0 && h.ref() < d.grants().size(), GNTTAB_BAD_REF);
        require(!d.grants().get(h.ref()).inUse(), GNTTAB_IN_USE);
        GrantEntry e = h.accept(new GrantTableWrite.Visitor<>() {
            @Override
            public GrantEntry grant(GrantTableWrite.Grant g) {
                return new GrantEntry(GTF_permit_access | (g.readonly() ? GTF_readonly : 0), g.domid(), g.frame());
            }

            @Override public GrantEntry endAccess(GrantTableWrite.EndAccess x) { return GrantEntry.INVALID; }
        });
        return Outcome.of(s.withDomain(d.withGrant(h.ref(), e)), Result.OK);
    }

    /** {@code GNTTABOP_map_grant_ref} ({@code grant_table.c:map_grant_ref}), checked in Xen's order; returns the new handle. */
    private static Outcome map(State s, Caller c, GrantTableOp.MapGrantRef h) {
        int me = c.domain();
        require((h.flags() & (GNTMAP_host_map | GNTMAP_device_map)) != 0, GNTTAB_MAP_NOT_HOST);
        require((h.flags() & ~(GNTMAP_host_map | GNTMAP_readonly)) == 0, GNTTAB_MAP_FLAGS);
        boolean readonly = (h.flags() & GNTMAP_readonly) != 0;
        int dom = h.dom() & 0xFFFF; // a domid_t
        require(s.domains().containsKey(dom), GNTTAB_MAP_BAD_DOMAIN);
        int handle = lowestFreeHandle(s, s.dom(me));
        require(handle >= 0, GNTTAB_MAP_NO_HANDLE);
        Domain granter = s.dom(dom);
        require(h.ref() >= 0 && h.ref() < granter.grants().size(), GNTTAB_MAP_BAD_REF);
        GrantEntry e = granter.grants().get(h.ref());
        require(e.permitsAccess() && e.domid() == me, GNTTAB_MAP_NOT_GRANTED);
        require(readonly || !e.readonly(), GNTTAB_MAP_READONLY);
        // The granted frame: a general reference, and the writable type for a writable map.
        s = PageTypes.getPage(s, e.frame(), dom, e.inUse() ? GNTTAB_MAP_COULD_NOT_PIN : GNTTAB_MAP_BAD_FRAME);
        if (!readonly) s = PageTypes.getPageType(s, e.frame(), PageType.WRITABLE, GNTTAB_MAP_PAGE_TABLE);
        // create_grant_pv_mapping: the L1 slot is looked up (not referenced); the old entry is replaced and put.
        Walks.L1Slot slot = Walks.l1Slot(s, s.dom(me).vcpu(c.vcpu()), me, h.hostVa(), GNTTAB_MAP_BAD_HOST);
        long old = s.frame(slot.table()).entry(slot.index());
        s = EntryUpdates.write(s, slot.table(), slot.index(), grantPte(e.frame(), readonly));
        s = PageTypes.putPageFromL1e(s, old, slot.table(), c); // put_page_from_l1e(ol1e, currd): pv/grant_table.c:122
        // The bookkeeping: the maptrack entry and the in-use flags.
        Domain mapper = s.dom(me);
        s = s.withDomain(mapper.withMaptrack(mapper.maptrack().plus(handle,
                new Maptrack(dom, h.ref(), e.frame(), readonly, slot.table(), slot.index()))));
        return Outcome.of(refreshInUse(s, dom, h.ref()), Result.value(handle));
    }

    /**
     * The entry Xen writes for a host mapping ({@code grant_to_pte_flags}, then
     * {@code adjust_guest_l1e}): present, accessed, dirty, no-execute, user, marked as a grant;
     * writable unless read-only.
     */
    static long grantPte(long frame, boolean readonly) {
        long pte = Pte.make(frame, PteFlag.P, PteFlag.A, PteFlag.D, PteFlag.NX, PteFlag.US, PteFlag.GNTTAB);
        return readonly ? pte : pte | PteFlag.RW.mask();
    }

    /**
     * {@code GNTTABOP_unmap_grant_ref} ({@code unmap_common}, {@code replace_grant_pv_mapping},
     * {@code unmap_common_complete}): the PTE must still map the granted frame with the grant's
     * P and RW; it is cleared without dropping references, then the grant's references are
     * dropped, the mapper's translations of the frame flushed, and the maptrack entry freed.
     */
    private static Outcome unmapGrantRef(State s, Caller c, int handle) {
        Domain mapper = s.dom(c.domain());
        require(mapper.maptrack().containsKey(handle), GNTTAB_UNMAP_BAD_HANDLE);
        Maptrack m = mapper.maptrack().get(handle); // its granter exists: Domains.reap keeps it while named
        Frame l1 = s.frame(m.hostL1());
        require(l1.owner() == c.domain() && l1.isTable(1), GNTTAB_UNMAP_PTE_MISMATCH);
        long pte = l1.entry(m.hostIndex());
        long grant = grantPte(m.frame(), m.readonly());
        require(Pte.mfn(pte) == m.frame() && ((pte ^ grant) & (PteFlag.P.mask() | PteFlag.RW.mask())) == 0, GNTTAB_UNMAP_PTE_MISMATCH);
        s = EntryUpdates.write(s, m.hostL1(), m.hostIndex(), Pte.NONE);
        s = Tlbs.forgetFrameIn(s, c.domain(), m.frame());
        s = m.readonly() ? PageTypes.putPage(s, m.frame()) : PageTypes.putPageAndType(s, m.frame(), c);
        return Outcome.of(release(s, c.domain(), handle), Result.gnt(GNTST_okay));
    }

    /**
     * Free a maptrack entry and lower the grant's in-use flags; the references stay with the PTE
     * ({@code gnttab_release_mappings} when the mapper dies: a PV domain's host mappings are
     * released with its page tables).
     */
    static State release(State s, int mapperId, int handle) {
        Domain mapper = s.dom(mapperId);
        Maptrack m = mapper.maptrack().get(handle);
        s = s.withDomain(mapper.withMaptrack(mapper.maptrack().minus(handle)));
        return refreshInUse(s, m.dom(), m.ref());
    }

    /** Set {@code GTF_reading}/{@code GTF_writing} of a grant exactly while some mapping (writable mapping) of it exists. */
    private static State refreshInUse(State s, int granter, int ref) {
        boolean reading = false;
        boolean writing = false;
        for (Domain d : s.domains().values()) {
            for (Maptrack m : d.maptrack().values()) {
                if (m.dom() == granter && m.ref() == ref) {
                    reading = true;
                    writing |= !m.readonly();
                }
            }
        }
        Domain g = s.dom(granter);
        GrantEntry e = g.grants().get(ref);
        int flags = e.flags() & ~(GTF_reading | GTF_writing) | (reading ? GTF_reading : 0) | (writing ? GTF_writing : 0);
        return s.withDomain(g.withGrant(ref, e.withFlags(flags)));
    }

    private static int lowestFreeHandle(State s, Domain d) {
        for (int h = 0; h < s.config().grants(); h++) if (!d.maptrack().containsKey(h)) return h;
        return -1;
    }
}
