package pvspec.model.rules;

import static pvspec.model.abi.check.Check.GNTTAB_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_IN_USE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_FRAME;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_HOST;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_FLAGS;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_HOST_GRANTED;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NOT_GRANTED;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NOT_HOST;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_NO_HANDLE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_PAGE_TABLE;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_READONLY;
import static pvspec.model.abi.check.Check.GNTTAB_UNKNOWN_COMMAND;
import static pvspec.model.abi.check.Check.GNTTAB_UNMAP_BAD_HANDLE;
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
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/**
 * Grant tables: the granter's own writes ({@code grant}, {@code end_access}) and the grantee's
 * {@code map_grant_ref} / {@code unmap_grant_ref} (v1, host mappings).
 *
 * <p>While a grant is mapped, Xen keeps {@code GTF_reading} (and {@code GTF_writing} for a
 * writable map) set in the granter's entry, and the granter cannot revoke or change it. A
 * mapping holds a general reference to the granted frame (and its writable type if writable),
 * and, in pvspec, a general and a type reference to the L1 table holding the mapping's entry:
 * that table therefore stays a validated L1 until the unmap (Xen instead lets the table be
 * devalidated and injects a fault into the guest, leaving a grant nobody can unmap).
 */
final class GrantTableRules {
    private GrantTableRules() {}

    static Outcome apply(State s, Caller c, GrantTableOp h) {
        return h.accept(new GrantTableOp.Visitor<>() {
            @Override public Outcome mapGrantRef(GrantTableOp.MapGrantRef x) { return map(s, c, x); }

            @Override
            public Outcome unmapGrantRef(GrantTableOp.UnmapGrantRef x) {
                require(s.dom(c.domain()).maptrack().containsKey(x.handle()), GNTTAB_UNMAP_BAD_HANDLE);
                return Outcome.of(unmap(s, c.domain(), x.handle()), Result.gnt(GNTST_okay));
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

    /** {@code GNTTABOP_map_grant_ref}, checked in Xen's order; returns the new handle. */
    private static Outcome map(State s, Caller c, GrantTableOp.MapGrantRef h) {
        int me = c.domain();
        require((h.flags() & (GNTMAP_host_map | GNTMAP_device_map)) != 0, GNTTAB_MAP_NOT_HOST);
        require((h.flags() & ~(GNTMAP_host_map | GNTMAP_readonly)) == 0, GNTTAB_MAP_FLAGS);
        boolean readonly = (h.flags() & GNTMAP_readonly) != 0;
        require(s.isAlive(h.dom()), GNTTAB_MAP_BAD_DOMAIN);
        int handle = lowestFreeHandle(s, s.dom(me));
        require(handle >= 0, GNTTAB_MAP_NO_HANDLE);
        Domain granter = s.dom(h.dom());
        require(h.ref() >= 0 && h.ref() < granter.grants().size(), GNTTAB_MAP_BAD_REF);
        GrantEntry e = granter.grants().get(h.ref());
        require(e.permitsAccess() && e.domid() == me, GNTTAB_MAP_NOT_GRANTED);
        require(readonly || !e.readonly(), GNTTAB_MAP_READONLY);
        // The granted frame: a general reference, and the writable type for a writable map.
        s = PageTypes.getPage(s, e.frame(), h.dom(), GNTTAB_MAP_BAD_FRAME);
        if (!readonly) s = PageTypes.getPageType(s, e.frame(), PageType.WRITABLE, GNTTAB_MAP_PAGE_TABLE);
        // The host entry: a slot of a validated L1 of the caller, which the mapping keeps validated.
        Walks.L1Slot slot = Walks.l1Slot(s, s.dom(me).vcpu(c.vcpu()), me, h.hostVa(), GNTTAB_MAP_BAD_HOST);
        long old = s.frame(slot.table()).entry(slot.index());
        require(!Pte.isGrant(old), GNTTAB_MAP_HOST_GRANTED);
        s = PageTypes.getPage(s, slot.table(), me, GNTTAB_MAP_BAD_HOST);
        s = PageTypes.getPageType(s, slot.table(), PageType.L1, GNTTAB_MAP_BAD_HOST);
        s = EntryUpdates.write(s, slot.table(), slot.index(), grantPte(e.frame(), readonly));
        s = PageTypes.putPageFromL1e(s, old);
        // The bookkeeping: the maptrack entry and the in-use flags.
        Domain mapper = s.dom(me);
        s = s.withDomain(mapper.withMaptrack(mapper.maptrack().plus(handle,
                new Maptrack(h.dom(), h.ref(), e.frame(), readonly, slot.table(), slot.index()))));
        return Outcome.of(refreshInUse(s, h.dom(), h.ref()), Result.value(handle));
    }

    /** The entry Xen writes for a host mapping: present, user-accessible, marked as a grant. */
    static long grantPte(long frame, boolean readonly) {
        return readonly
                ? Pte.make(frame, PteFlag.P, PteFlag.US, PteFlag.GNTTAB)
                : Pte.make(frame, PteFlag.P, PteFlag.RW, PteFlag.US, PteFlag.GNTTAB);
    }

    /**
     * Remove a mapping: its entry, its maptrack entry and the in-use flags go together (XSA-218),
     * the mapper's translations of the frame are flushed, then the references are dropped.
     */
    static State unmap(State s, int mapperId, int handle) {
        Domain mapper = s.dom(mapperId);
        Maptrack m = mapper.maptrack().get(handle);
        s = s.withDomain(mapper.withMaptrack(mapper.maptrack().minus(handle)));
        s = EntryUpdates.write(s, m.hostL1(), m.hostIndex(), Pte.NONE);
        s = refreshInUse(s, m.dom(), m.ref());
        s = Tlbs.forgetFrameIn(s, mapperId, m.frame());
        s = m.readonly() ? PageTypes.putPage(s, m.frame()) : PageTypes.putPageAndType(s, m.frame());
        return PageTypes.putPageAndType(s, m.hostL1());
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
