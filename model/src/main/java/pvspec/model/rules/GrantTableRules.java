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
import static pvspec.model.abi.check.Check.GNTTAB_MAP_PINNED_BY_OTHER;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_PTE_MISALIGNED;
import static pvspec.model.abi.check.Check.GNTTAB_MAP_PTE_NOT_L1;
import static pvspec.model.abi.check.Check.GNTTAB_PTE_BEYOND_TABLE;
import static pvspec.model.abi.check.Check.GNTTAB_REPLACE_CONTAINS_PTE;
import static pvspec.model.abi.check.Check.GNTTAB_REPLACE_STEAL;
import static pvspec.model.abi.check.Check.GNTTAB_UNMAP_BAD_DEV_ADDR;
import static pvspec.model.abi.check.Check.GNTTAB_UNMAP_PTE_MISALIGNED;
import static pvspec.model.abi.check.Check.GNTTAB_TRANSFER_BAD_DOMAIN;
import static pvspec.model.abi.check.Check.GNTTAB_TRANSFER_BAD_MFN;
import static pvspec.model.abi.check.Check.GNTTAB_TRANSFER_BAD_REF;
import static pvspec.model.abi.check.Check.GNTTAB_TRANSFER_DYING;
import static pvspec.model.abi.check.Check.GNTTAB_TRANSFER_NOT_ACCEPTED;
import static pvspec.model.abi.check.Check.GNTTAB_TRANSFER_NOT_OWNER;
import static pvspec.model.abi.check.Check.GNTTAB_TRANSFER_NO_HEADROOM;
import static pvspec.model.abi.check.Check.GNTTAB_TRANSFER_REFERENCED;
import static pvspec.model.abi.Gntst.GNTST_okay;
import static pvspec.model.abi.GrantTableOp.GNTMAP_KNOWN;
import static pvspec.model.abi.GrantTableOp.GNTMAP_contains_pte;
import static pvspec.model.abi.GrantTableOp.GNTMAP_device_map;
import static pvspec.model.abi.GrantTableOp.GNTMAP_host_map;
import static pvspec.model.abi.GrantTableOp.GNTMAP_readonly;
import static pvspec.model.rules.Refusal.require;
import static pvspec.model.state.GrantEntry.GTF_accept_transfer;
import static pvspec.model.state.GrantEntry.GTF_permit_access;
import static pvspec.model.state.GrantEntry.GTF_transfer_committed;
import static pvspec.model.state.GrantEntry.GTF_transfer_completed;
import static pvspec.model.state.GrantEntry.GTF_reading;
import static pvspec.model.state.GrantEntry.GTF_readonly;
import static pvspec.model.state.GrantEntry.GTF_writing;

import pvspec.model.abi.Caller;
import pvspec.model.abi.check.Check;
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
 * Grant tables: the granter's own writes ({@code grant}, {@code end_access},
 * {@code accept_transfer}) and the grantee's {@code map_grant_ref}, {@code unmap_grant_ref} and
 * {@code unmap_and_replace} (host and device mappings), and {@code transfer} (a frame
 * changes owner), as {@code common/grant_table.c} and {@code arch/x86/pv/grant_table.c} do
 * them. The entries the model's guests write (permit_access, read-only, accept_transfer) are
 * checked alike in a v1 and a v2 table ({@code _set_status_v1}, {@code _set_status_v2}); a v2
 * table's size and its switch are {@link GrantTableVersion}'s.
 *
 * <p>While a grant is mapped, Xen keeps {@code GTF_reading} (and {@code GTF_writing} for a
 * writable map) set in the granter's entry, and the granter cannot revoke or change it. Each part
 * of a map takes a general reference to the granted frame (and its writable type if writable).
 * The device part's belong to the maptrack entry. The host part's belong to the grant PTE it
 * writes: the unmap drops them after clearing the PTE, and an ordinary update that replaces the
 * PTE ({@code mmu_update}, {@code update_va_mapping}, a second map at the same address) drops them
 * through {@code put_page_from_l1e}. The maptrack entry and the in-use flags stay; a later unmap
 * then fails Xen's check that the PTE at the address it names still maps the grant (XSA-234),
 * and the grant stays in use until the mapper dies. The L1 holding the entry is only looked up,
 * never referenced.
 *
 * <p>Build configuration: the model marks grant PTEs with the debug build's {@code _PAGE_GNTTAB}
 * and, since branch ptwr, follows the debug build in injecting a #GP into the current vCPU when
 * an ordinary update drops one (mm.c:1219-1227, {@link PageTypes#putPageFromL1e}). A misaligned
 * contains_pte unmap address stops a debug build at its ASSERT_UNREACHABLE
 * (pv/grant_table.c:226); there the model returns the release build's GNTST_general_error.
 */
final class GrantTableRules {
    private GrantTableRules() {}

    static Outcome apply(State s, Caller c, GrantTableOp h) {
        return h.accept(new GrantTableOp.Visitor<>() {
            @Override public Outcome mapGrantRef(GrantTableOp.MapGrantRef x) { return map(s, c, x); }

            @Override
            public Outcome unmapGrantRef(GrantTableOp.UnmapGrantRef x) {
                return unmap(s, c, x.handle(), x.hostVa(), x.devBusAddr(), 0);
            }

            @Override
            public Outcome unmapAndReplace(GrantTableOp.UnmapAndReplace x) {
                return unmap(s, c, x.handle(), x.hostVa(), 0, x.newVa());
            }

            @Override public Outcome transfer(GrantTableOp.Transfer x) { return GrantTableRules.transfer(s, c, x); }

            @Override public Outcome unknown(GrantTableOp.Unknown x) { throw Refusal.of(GNTTAB_UNKNOWN_COMMAND); }

            @Override public Outcome setupTable(GrantTableOp.SetupTable x) { return GrantTableSize.setup(s, c, x); }
            @Override public Outcome querySize(GrantTableOp.QuerySize x) { return GrantTableSize.query(s, c, x); }
            @Override public Outcome copy(GrantTableOp.Copy x) { return GrantCopy.copy(s, c, x); }
            @Override public Outcome setVersion(GrantTableOp.SetVersion x) { return GrantTableVersion.set(s, c, x); }
            @Override public Outcome getVersion(GrantTableOp.GetVersion x) { return GrantTableVersion.get(s, c, x); }
            @Override public Outcome getStatusFrames(GrantTableOp.GetStatusFrames x) { return GrantTableVersion.statusFrames(s, c, x); }
            @Override public Outcome swapGrantRef(GrantTableOp.SwapGrantRef x) { return GrantSwap.swap(s, c, x); }
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

            @Override
            public GrantEntry acceptTransfer(GrantTableWrite.AcceptTransfer a) {
                return new GrantEntry(GTF_accept_transfer, a.domid(), 0);
            }
        });
        return Outcome.of(s.withDomain(d.withGrant(h.ref(), e)), Result.OK);
    }

    /** {@code GNTTABOP_map_grant_ref} ({@code grant_table.c:map_grant_ref}), checked in Xen's order; returns the new handle. */
    private static Outcome map(State s, Caller c, GrantTableOp.MapGrantRef h) {
        int me = c.domain();
        int flags = h.flags();
        require((flags & (GNTMAP_host_map | GNTMAP_device_map)) != 0, GNTTAB_MAP_NOT_HOST);
        require((flags & ~GNTMAP_KNOWN) == 0, GNTTAB_MAP_FLAGS);
        boolean readonly = (flags & GNTMAP_readonly) != 0;
        boolean host = (flags & GNTMAP_host_map) != 0;
        boolean device = (flags & GNTMAP_device_map) != 0;
        int dom = h.dom() & 0xFFFF; // a domid_t
        require(s.domains().containsKey(dom), GNTTAB_MAP_BAD_DOMAIN);
        int handle = lowestFreeHandle(s, s.dom(me));
        require(handle >= 0, GNTTAB_MAP_NO_HANDLE);
        Domain granter = s.dom(dom);
        require(h.ref() >= 0 && h.ref() < granter.grants().size(), GNTTAB_MAP_BAD_REF);
        GrantEntry e = granter.grants().get(h.ref());
        // act->domid is the first mapper's, which _set_status checked against the entry's domid.
        require(!e.inUse() || e.domid() == me, GNTTAB_MAP_PINNED_BY_OTHER);
        require(e.permitsAccess() && e.domid() == me, GNTTAB_MAP_NOT_GRANTED);
        require(readonly || !e.readonly(), GNTTAB_MAP_READONLY);
        // get_paged_frame on the first pin, page_get_owner_and_reference after: a general reference.
        s = PageTypes.getPage(s, e.frame(), dom, e.inUse() ? GNTTAB_MAP_COULD_NOT_PIN : GNTTAB_MAP_BAD_FRAME);
        if (device && !readonly) s = PageTypes.getPageType(s, e.frame(), PageType.WRITABLE, GNTTAB_MAP_PAGE_TABLE);
        if (host) {
            // A second general reference if the device part claimed the first (the owner was just checked).
            if (device) s = PageTypes.getPage(s, e.frame(), dom, GNTTAB_MAP_COULD_NOT_PIN);
            if (!readonly) s = PageTypes.getPageType(s, e.frame(), PageType.WRITABLE, GNTTAB_MAP_PAGE_TABLE);
            s = createGrantPvMapping(s, c, h.hostVa(), e.frame(), flags);
        }
        Domain mapper = s.dom(me);
        s = s.withDomain(mapper.withMaptrack(mapper.maptrack().plus(handle, new Maptrack(dom, h.ref(), e.frame(), flags))));
        return Outcome.of(refreshInUse(s, dom, h.ref()), Result.value(handle));
    }

    /**
     * {@code create_grant_pv_mapping}: find the L1 slot (by linear address, or by the entry's
     * machine address with {@code GNTMAP_contains_pte}), write the grant PTE, and put the entry
     * it replaces. The L1 is only looked up, never referenced.
     */
    private static State createGrantPvMapping(State s, Caller c, long addr, long frame, int flags) {
        Walks.L1Slot slot = (flags & GNTMAP_contains_pte) != 0
                ? pteSlot(s, c.domain(), addr, GNTTAB_MAP_PTE_MISALIGNED, GNTTAB_MAP_PTE_NOT_L1)
                : Walks.l1Slot(s, s.dom(c.domain()).vcpu(c.vcpu()), c.domain(), addr, GNTTAB_MAP_BAD_HOST);
        long old = s.frame(slot.table()).entry(slot.index());
        s = EntryUpdates.write(s, slot.table(), slot.index(), grantPte(frame, (flags & GNTMAP_readonly) != 0));
        return PageTypes.putPageFromL1e(s, old, slot.table(), c); // put_page_from_l1e(ol1e, currd): pv/grant_table.c:122
    }

    /**
     * The L1 entry at machine address {@code addr} ({@code GNTMAP_contains_pte}): aligned to an
     * entry (XSA-227), in a frame of the caller's that is a validated L1 table.
     */
    private static Walks.L1Slot pteSlot(State s, int me, long addr, Check misaligned, Check notL1) {
        require((addr & 7) == 0, misaligned);
        long table = addr >>> 12;
        require(s.validMfn(table) && s.frame(table).owner() == me && s.frame(table).isTable(1), notL1);
        long index = (addr & 0xFFF) >> 3;
        require(index < s.config().entries(), GNTTAB_PTE_BEYOND_TABLE);
        return new Walks.L1Slot(table, (int) index);
    }

    /**
     * The entry Xen writes for a host mapping ({@code grant_to_pte_flags}, then
     * {@code adjust_guest_l1e}): present, accessed, dirty, no-execute, user, marked as a grant;
     * writable unless read-only. ({@code GNTMAP_application_map} sets the user bit that
     * {@code adjust_guest_l1e} sets anyway; the model has no separate guest-kernel bit.)
     */
    static long grantPte(long frame, boolean readonly) {
        long pte = Pte.make(frame, PteFlag.P, PteFlag.A, PteFlag.D, PteFlag.NX, PteFlag.US, PteFlag.GNTTAB);
        return readonly ? pte : pte | PteFlag.RW.mask();
    }

    /**
     * {@code GNTTABOP_unmap_grant_ref} and {@code GNTTABOP_unmap_and_replace}
     * ({@code unmap_common}, {@code replace_grant_pv_mapping}, {@code unmap_common_complete}):
     * the host part is undone if {@code hostVa} is given and the mapping has one, after checking
     * that the entry there still maps the grant with its P and RW (XSA-234), and replaced by the
     * entry stolen from {@code newVa} (or none); the device part if {@code devBusAddr} is given
     * and names the frame. The maptrack entry goes when neither part is left. Whatever the status,
     * the hypercall then flushes the caller's TLBs ({@code gnttab_flush_tlb} after the batch); a
     * stolen entry stays stolen (its references dropped) when the replace fails.
     */
    private static Outcome unmap(State s, Caller c, int handle, long hostVa, long devBusAddr, long newVa) {
        int me = c.domain();
        State kept = s; // what a refusal leaves: the steal of unmap_and_replace happens before its checks
        long stolen = Pte.NONE;
        try {
            Domain mapper = s.dom(me);
            require(mapper.maptrack().containsKey(handle), GNTTAB_UNMAP_BAD_HANDLE);
            Maptrack m = mapper.maptrack().get(handle); // its granter exists: Domains.reap keeps it while named
            if (devBusAddr != 0 && m.device()) require(devBusAddr == m.frame() << 12, GNTTAB_UNMAP_BAD_DEV_ADDR);
            int left = m.flags();
            if (hostVa != 0 && m.host()) {
                Walks.L1Slot slot;
                if (m.containsPte()) {
                    require(newVa == 0, GNTTAB_REPLACE_CONTAINS_PTE);
                    slot = pteSlot(s, me, hostVa, GNTTAB_UNMAP_PTE_MISALIGNED, GNTTAB_UNMAP_PTE_MISMATCH);
                } else {
                    if (newVa != 0) {
                        Walks.L1Slot from = Walks.l1Slot(s, mapper.vcpu(c.vcpu()), me, newVa, GNTTAB_REPLACE_STEAL);
                        stolen = s.frame(from.table()).entry(from.index());
                        s = EntryUpdates.write(s, from.table(), from.index(), Pte.NONE);
                        kept = PageTypes.putPageFromL1e(s, stolen, from.table(), c); // if the rest fails, the stolen entry is put (pv/grant_table.c:320)
                    }
                    slot = Walks.l1Slot(s, mapper.vcpu(c.vcpu()), me, hostVa, GNTTAB_UNMAP_PTE_MISMATCH);
                }
                long pte = s.frame(slot.table()).entry(slot.index());
                long grant = grantPte(m.frame(), m.readonly());
                require(Pte.mfn(pte) == m.frame() && ((pte ^ grant) & (PteFlag.P.mask() | PteFlag.RW.mask())) == 0, GNTTAB_UNMAP_PTE_MISMATCH);
                s = EntryUpdates.write(s, slot.table(), slot.index(), stolen); // the stolen entry's references move with it
                left &= ~GNTMAP_host_map;
            }
            if (devBusAddr != 0 && m.device()) left &= ~GNTMAP_device_map;
            mapper = s.dom(me);
            s = s.withDomain(mapper.withMaptrack((left & (GNTMAP_host_map | GNTMAP_device_map)) == 0
                    ? mapper.maptrack().minus(handle) : mapper.maptrack().plus(handle, m.withFlags(left))));
            s = Tlbs.flushAll(s, me);
            // unmap_common_complete: each undone part drops the references its map took.
            int done = m.flags() & ~left;
            if ((done & GNTMAP_device_map) != 0) s = putGrantRefs(s, m, c);
            if ((done & GNTMAP_host_map) != 0) s = putGrantRefs(s, m, c);
            return Outcome.of(refreshInUse(s, m.dom(), m.ref()), Result.gnt(GNTST_okay));
        } catch (Refusal r) {
            return Outcome.refused(Tlbs.flushAll(kept, me), r.result(), r.check());
        }
    }

    /**
     * {@code GNTTABOP_transfer} ({@code grant_table.c:gnttab_transfer}, one request): the caller
     * gives its frame {@code mfn} to domain {@code domid}, into that domain's entry {@code ref}.
     * First {@code steal_page} (mm.c:4382-4466) takes the frame from the caller: it must be the
     * caller's with its allocation as its only reference (XSA-214/217: nothing maps, pins, types
     * or grant-maps it), and it leaves the frame with no owner, no references and no type
     * ({@code type_info = 0}); then the caller's TLBs are flushed ({@code gnttab_flush_tlb},
     * grant_table.c:2348-2349; {@code guest_physmap_remove_page} is a no-op for PV). A check that fails after the steal frees the frame, scrubbed
     * ({@code free_domheap_page} of an ownerless page: page_alloc.c:2815-2829): the caller has lost
     * it. On success the receiver owns the frame with its allocation its only reference
     * ({@code assign_pages}, MEMF_no_refcount after the tot_pages reservation), contents as the
     * caller left them, and its entry shows the frame, committed and completed
     * (grant_table.c:2486-2504; a PV receiver's {@code guest_physmap_add_page} writes only the
     * M2P, which the model does not keep).
     *
     * <p>Unreachable in the model: {@code paging_mode_external} (no HVM caller, mm.c:4390),
     * {@code is_special_page} (no Xen heap page is a guest's), XSM's dummy hook (always allows),
     * {@code GNTST_address_too_big} (frames above 2^32, grant_table.c:2381-2395), and the second
     * {@code is_dying} test in {@code assign_pages} (the step is atomic: the receiver cannot start
     * dying between the two).
     */
    private static Outcome transfer(State s, Caller c, GrantTableOp.Transfer h) {
        int me = c.domain();
        long mfn = h.mfn();
        require(s.validMfn(mfn), GNTTAB_TRANSFER_BAD_MFN);
        Frame f = s.frame(mfn);
        // page_get_owner_and_reference finds a free frame ownerless; then owner != d.
        require(f.owner() == me, GNTTAB_TRANSFER_NOT_OWNER);
        require(f.allocated() && f.count() == 1, GNTTAB_TRANSFER_REFERENCED);
        // The steal: count, allocation, type and owner cleared; the contents stay.
        s = s.withFrame(mfn, Frame.free(s.config().entries()).withContents(f.contents()).withDataTag(f.dataTag()));
        s = Tlbs.flushAll(s, me);
        try {
            int dom = h.domid() & 0xFFFF; // a domid_t; rcu_lock_domain_by_id knows no DOMID_SELF
            require(s.domains().containsKey(dom), GNTTAB_TRANSFER_BAD_DOMAIN);
            Domain e = s.dom(dom);
            require(e.alive(), GNTTAB_TRANSFER_DYING);
            require(Frames.ownedBy(s, dom) < e.maxPages(), GNTTAB_TRANSFER_NO_HEADROOM);
            // gnttab_prepare_for_transfer: the entry must say exactly "accept from the caller".
            require(h.ref() >= 0 && h.ref() < e.grants().size(), GNTTAB_TRANSFER_BAD_REF);
            GrantEntry g = e.grants().get(h.ref());
            require(g.flags() == GTF_accept_transfer && g.domid() == me, GNTTAB_TRANSFER_NOT_ACCEPTED);
            s = s.withFrame(mfn, Frames.assign(s.frame(mfn), dom));
            int done = GTF_accept_transfer | GTF_transfer_committed | GTF_transfer_completed;
            return Outcome.of(s.withDomain(e.withGrant(h.ref(), new GrantEntry(done, me, mfn))), Result.gnt(GNTST_okay));
        } catch (Refusal r) {
            return Outcome.refused(Frames.release(s, mfn), r.result(), r.check());
        }
    }

    /** One part's references: general, and the writable type for a writable map. */
    private static State putGrantRefs(State s, Maptrack m, Caller current) {
        return m.readonly() ? PageTypes.putPage(s, m.frame()) : PageTypes.putPageAndType(s, m.frame(), current);
    }

    /**
     * A dying mapper's mappings ({@code gnttab_release_mappings}): the device parts drop their
     * references; a PV domain's host parts leave theirs with the grant PTEs, dropped as its page
     * tables go ({@code gnttab_release_host_mappings} is false for PV). The maptrack entries are
     * freed and the grants' in-use flags lowered.
     */
    static State releaseMappings(State s, int mapperId, Caller current) {
        for (int handle : new java.util.ArrayList<>(s.dom(mapperId).maptrack().keySet())) {
            Domain mapper = s.dom(mapperId);
            Maptrack m = mapper.maptrack().get(handle);
            s = s.withDomain(mapper.withMaptrack(mapper.maptrack().minus(handle)));
            if (m.device() && s.domains().containsKey(m.dom())) s = putGrantRefs(s, m, current);
            if (s.domains().containsKey(m.dom())) s = refreshInUse(s, m.dom(), m.ref());
        }
        return s;
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
