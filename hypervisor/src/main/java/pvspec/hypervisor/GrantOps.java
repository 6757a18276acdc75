package pvspec.hypervisor;

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
import static pvspec.model.abi.GrantTableOp.GNTMAP_KNOWN;
import static pvspec.model.abi.GrantTableOp.GNTMAP_contains_pte;
import static pvspec.model.abi.Gntst.GNTST_okay;
import static pvspec.model.abi.GrantTableOp.GNTMAP_device_map;
import static pvspec.model.abi.GrantTableOp.GNTMAP_host_map;
import static pvspec.model.abi.GrantTableOp.GNTMAP_readonly;
import static pvspec.model.state.GrantEntry.GTF_accept_transfer;
import static pvspec.model.state.GrantEntry.GTF_permit_access;
import static pvspec.model.state.GrantEntry.GTF_transfer_committed;
import static pvspec.model.state.GrantEntry.GTF_transfer_completed;
import static pvspec.model.state.GrantEntry.GTF_reading;
import static pvspec.model.state.GrantEntry.GTF_readonly;
import static pvspec.model.state.GrantEntry.GTF_writing;

import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;

/**
 * Grant tables: the granter's own entry writes, and the grantee's {@code map_grant_ref},
 * {@code unmap_grant_ref} and {@code unmap_and_replace} (host and device mappings). Each part of a
 * map takes a general reference to the granted frame (and its writable type if writable); the
 * device part's belong to the maptrack entry, the host part's to the grant PTE: the unmap drops them after checking the
 * PTE still maps the grant (XSA-234) and clearing it; an ordinary update replacing the PTE drops
 * them instead. The L1 is only looked up. The granter's entry shows
 * {@code GTF_reading}/{@code GTF_writing} while any mapping (writable mapping) exists, counted
 * per reference as in Xen's active entries.
 */
final class GrantOps {
    private GrantOps() {}


    static Result apply(Txn t, GrantTableOp h) {
        return h.accept(new GrantTableOp.Visitor<>() {
            @Override public Result mapGrantRef(GrantTableOp.MapGrantRef x) { return map(t, x); }

            @Override public Result unmapGrantRef(GrantTableOp.UnmapGrantRef x) { return unmap(t, x.handle(), x.hostVa(), x.devBusAddr(), 0); }
            @Override public Result unmapAndReplace(GrantTableOp.UnmapAndReplace x) { return unmap(t, x.handle(), x.hostVa(), 0, x.newVa()); }

            @Override public Result transfer(GrantTableOp.Transfer x) { return GrantOps.transfer(t, x); }

            @Override public Result unknown(GrantTableOp.Unknown x) { throw Refused.of(GNTTAB_UNKNOWN_COMMAND); }

            @Override public Result setupTable(GrantTableOp.SetupTable x) { return GrantSizeOps.setup(t, x); }
            @Override public Result querySize(GrantTableOp.QuerySize x) { return GrantSizeOps.query(t, x); }
            @Override public Result copy(GrantTableOp.Copy x) { return GrantCopyOps.copy(t, x); }
            @Override public Result setVersion(GrantTableOp.SetVersion x) { return GrantVersionOps.set(t, x); }
            @Override public Result getVersion(GrantTableOp.GetVersion x) { return GrantVersionOps.get(t, x); }
            @Override public Result getStatusFrames(GrantTableOp.GetStatusFrames x) { return GrantVersionOps.statusFrames(t, x); }
            @Override public Result swapGrantRef(GrantTableOp.SwapGrantRef x) { return GrantSwapOps.swap(t, x); }
        });
    }

    /** The granter writes its own table (in Xen, shared memory under a CAS protocol). */
    static Result write(Txn t, GrantTableWrite h) {
        Dom d = t.dom;
        int ref = h.ref();
        if (ref < 0 || ref >= d.grantEntries()) throw Refused.of(GNTTAB_BAD_REF);
        if (!t.checks.grantRewritable(d.grantFlags[ref])) throw Refused.of(GNTTAB_IN_USE);
        return h.accept(new GrantTableWrite.Visitor<>() {
            @Override
            public Result grant(GrantTableWrite.Grant g) {
                return set(GTF_permit_access | (g.readonly() ? GTF_readonly : 0), g.domid(), g.frame());
            }

            @Override public Result endAccess(GrantTableWrite.EndAccess x) { return set(0, 0, 0); }
            @Override public Result acceptTransfer(GrantTableWrite.AcceptTransfer a) { return set(GTF_accept_transfer, a.domid(), 0); }

            private Result set(int flags, int domid, long frame) {
                t.setInt(d.grantFlags, ref, flags);
                t.setInt(d.grantDomid, ref, domid);
                t.setLong(d.grantFrame, ref, frame);
                return Result.OK;
            }
        });
    }

    private static Result map(Txn t, GrantTableOp.MapGrantRef h) {
        int flags = h.flags();
        if ((flags & (GNTMAP_host_map | GNTMAP_device_map)) == 0) throw Refused.of(GNTTAB_MAP_NOT_HOST);
        if ((flags & ~GNTMAP_KNOWN) != 0) throw Refused.of(GNTTAB_MAP_FLAGS);
        boolean readonly = (flags & GNTMAP_readonly) != 0;
        boolean host = (flags & GNTMAP_host_map) != 0;
        boolean device = (flags & GNTMAP_device_map) != 0;
        Dom granter = t.dom(h.dom() & 0xFFFF);
        if (granter == null) throw Refused.of(GNTTAB_MAP_BAD_DOMAIN);
        Dom me = t.dom;
        int handle = lowestFreeHandle(me);
        if (handle < 0) throw Refused.of(GNTTAB_MAP_NO_HANDLE);
        int ref = h.ref();
        if (ref < 0 || ref >= granter.grantEntries()) throw Refused.of(GNTTAB_MAP_BAD_REF);
        int gflags = granter.grantFlags[ref];
        boolean pinned = granter.grantMaps[ref] > 0;
        if (pinned && granter.grantDomid[ref] != t.me) throw Refused.of(GNTTAB_MAP_PINNED_BY_OTHER);
        if (!t.checks.grantPermits(gflags, granter.grantDomid[ref], t.me)) throw Refused.of(GNTTAB_MAP_NOT_GRANTED);
        if (!t.checks.grantModeAllowed(gflags, readonly)) throw Refused.of(GNTTAB_MAP_READONLY);
        long frame = granter.grantFrame[ref];
        // One general reference per part, and the writable type for each writable part.
        PageRefs.getPage(t, frame, granter.id, pinned ? GNTTAB_MAP_COULD_NOT_PIN : GNTTAB_MAP_BAD_FRAME);
        if (device && !readonly) PageRefs.getPageType(t, (int) frame, FrameTable.WRITABLE, GNTTAB_MAP_PAGE_TABLE);
        if (host) {
            if (device) PageRefs.getPage(t, frame, granter.id, GNTTAB_MAP_COULD_NOT_PIN);
            if (!readonly) PageRefs.getPageType(t, (int) frame, FrameTable.WRITABLE, GNTTAB_MAP_PAGE_TABLE);
            // create_grant_pv_mapping: the L1 slot is looked up; the old entry is replaced and put.
            long slot = (flags & GNTMAP_contains_pte) != 0
                    ? pteSlot(t, h.hostVa(), GNTTAB_MAP_PTE_MISALIGNED, GNTTAB_MAP_PTE_NOT_L1)
                    : Walker.l1Slot(t, me.baseptr[t.vcpu], t.me, h.hostVa(), GNTTAB_MAP_BAD_HOST);
            int l1 = (int) (slot >>> 16);
            int index = (int) (slot & 0xFFFF);
            long old = t.ft.entry(l1, index);
            t.setEntry(l1, index, grantPte(frame, readonly));
            PageRefs.putFromL1e(t, old, l1);
        }
        t.setObj(me.maptrack, handle, new GrantMap(granter.id, ref, frame, flags));
        active(t, granter, ref, 1, readonly ? 0 : 1);
        return Result.value(handle);
    }

    /** The L1 entry at a machine address (contains_pte): aligned (XSA-227), in an L1 table of the caller's. */
    private static long pteSlot(Txn t, long addr, Check misaligned, Check notL1) {
        if (!t.checks.ptePtrAligned(addr)) throw Refused.of(misaligned);
        long table = addr >>> 12;
        FrameTable ft = t.ft;
        if (!ft.valid(table)) throw Refused.of(notL1);
        long ti = ft.typeInfo.get((int) table);
        if (ft.owner[(int) table] != t.me || FrameTable.type(ti) != 1 || FrameTable.typeCount(ti) <= 0) throw Refused.of(notL1);
        long index = (addr & 0xFFF) >> 3;
        if (index >= t.hv.config.entries()) throw Refused.of(GNTTAB_PTE_BEYOND_TABLE);
        return table << 16 | index;
    }

    /** The entry Xen writes for a host mapping: present, accessed, dirty, NX, user, marked as a grant. */
    static long grantPte(long frame, boolean readonly) {
        long pte = Pte.make(frame, PteFlag.P, PteFlag.A, PteFlag.D, PteFlag.NX, PteFlag.US, PteFlag.GNTTAB);
        return readonly ? pte : pte | PteFlag.RW.mask();
    }

    /**
     * {@code unmap_common} and {@code unmap_common_complete}: the device part if {@code dev} is
     * given and matches the frame; the host part if {@code hostVa} is given, after the PTE there
     * is checked to still map the grant (XSA-234), replaced by the entry stolen from
     * {@code newVa}. The caller's TLBs are flushed whatever the status; a stolen entry stays
     * stolen (and is put) when the replace fails.
     */
    static Result unmap(Txn t, int handle, long hostVa, long dev, long newVa) {
        Dom mapper = t.dom;
        long stolen = Pte.NONE;
        int stolenFrom = 0; // the L1 the stolen entry came from
        try {
            if (handle < 0 || handle >= mapper.maptrack.length || mapper.maptrack[handle] == null) throw Refused.of(GNTTAB_UNMAP_BAD_HANDLE);
            GrantMap m = mapper.maptrack[handle];
            t.dom(m.dom); // the granter: locked, and present while a mapping names it (Txn.commit)
            boolean device = (m.flags & GNTMAP_device_map) != 0;
            boolean host = (m.flags & GNTMAP_host_map) != 0;
            boolean readonly = (m.flags & GNTMAP_readonly) != 0;
            if (dev != 0 && device && !t.checks.devBusAddrMatches(dev, m.frame)) throw Refused.of(GNTTAB_UNMAP_BAD_DEV_ADDR);
            int left = m.flags;
            if (hostVa != 0 && host) {
                long slot;
                if ((m.flags & GNTMAP_contains_pte) != 0) {
                    if (newVa != 0) throw Refused.of(GNTTAB_REPLACE_CONTAINS_PTE);
                    slot = pteSlot(t, hostVa, GNTTAB_UNMAP_PTE_MISALIGNED, GNTTAB_UNMAP_PTE_MISMATCH);
                } else {
                    if (newVa != 0) {
                        long from = Walker.l1Slot(t, mapper.baseptr[t.vcpu], t.me, newVa, GNTTAB_REPLACE_STEAL);
                        stolenFrom = (int) (from >>> 16);
                        stolen = t.ft.entry(stolenFrom, (int) (from & 0xFFFF));
                        t.setEntry((int) (from >>> 16), (int) (from & 0xFFFF), Pte.NONE);
                    }
                    slot = Walker.l1Slot(t, mapper.baseptr[t.vcpu], t.me, hostVa, GNTTAB_UNMAP_PTE_MISMATCH);
                }
                int l1 = (int) (slot >>> 16);
                int index = (int) (slot & 0xFFFF);
                if (!t.checks.unmapPteMatches(t.ft.entry(l1, index), grantPte(m.frame, readonly))) throw Refused.of(GNTTAB_UNMAP_PTE_MISMATCH);
                t.setEntry(l1, index, stolen); // the stolen entry's references move with it
                left &= ~GNTMAP_host_map;
            }
            if (dev != 0 && device) left &= ~GNTMAP_device_map;
            int done = m.flags & ~left;
            if ((left & (GNTMAP_host_map | GNTMAP_device_map)) == 0) {
                t.setObj(mapper.maptrack, handle, null);
                active(t, t.dom(m.dom), m.ref, -1, readonly ? 0 : -1);
            } else if (done != 0) {
                t.setObj(mapper.maptrack, handle, new GrantMap(m.dom, m.ref, m.frame, left));
            }
            flushAll(t, mapper);
            if (t.ft.valid(m.frame)) {
                if ((done & GNTMAP_device_map) != 0) putGrantRefs(t, (int) m.frame, readonly);
                if ((done & GNTMAP_host_map) != 0) putGrantRefs(t, (int) m.frame, readonly);
            }
            return Result.gnt(GNTST_okay);
        } catch (Refused r) {
            if (stolen != Pte.NONE) PageRefs.putFromL1e(t, stolen, stolenFrom);
            flushAll(t, mapper);
            t.batchStoppedBy = r.check; // the steal and the flush stay
            return r.check.result();
        }
    }

    /**
     * {@code GNTTABOP_transfer}: {@code steal_page} takes the caller's frame if its allocation is
     * its only reference (XSA-214/217) and leaves it ownerless, untyped, uncounted; the caller's
     * TLBs are flushed; then the receiver must exist, live, have room under {@code max_pages}, and
     * its entry must accept a transfer from the caller. It then owns the frame (allocated, one
     * reference) and the entry shows it, committed and completed. A refusal after the steal frees
     * the ownerless frame (scrubbed).
     */
    private static Result transfer(Txn t, GrantTableOp.Transfer h) {
        FrameTable ft = t.ft;
        if (!ft.valid(h.mfn())) throw Refused.of(GNTTAB_TRANSFER_BAD_MFN);
        int mfn = (int) h.mfn();
        t.needFrame(mfn);
        if (ft.owner[mfn] != t.me) throw Refused.of(GNTTAB_TRANSFER_NOT_OWNER);
        for (;;) { // steal_page's cmpxchg: the allocation must be the only reference
            long ci = ft.countInfo.get(mfn);
            if (!t.checks.stealable(FrameTable.count(ci), FrameTable.allocated(ci))) throw Refused.of(GNTTAB_TRANSFER_REFERENCED);
            if (t.casCount(mfn, ci, 0)) break;
        }
        Dom me = t.dom;
        t.setTypeInfo(mfn, 0);
        t.setInt(ft.owner, mfn, FrameTable.FREE);
        t.setLong(me.vars, Dom.OWNED, me.vars[Dom.OWNED] - 1);
        t.setLong(me.vars, Dom.TOT_PAGES, me.vars[Dom.TOT_PAGES] - 1);
        flushAll(t, me);
        try {
            Dom e = t.dom(h.domid() & 0xFFFF);
            if (e == null) throw Refused.of(GNTTAB_TRANSFER_BAD_DOMAIN);
            if (!e.alive()) throw Refused.of(GNTTAB_TRANSFER_DYING);
            if (!t.checks.transferHeadroom(e.vars[Dom.OWNED], e.vars[Dom.MAX_PAGES])) throw Refused.of(GNTTAB_TRANSFER_NO_HEADROOM);
            int ref = h.ref();
            if (ref < 0 || ref >= e.grantEntries()) throw Refused.of(GNTTAB_TRANSFER_BAD_REF);
            if (e.grantFlags[ref] != GTF_accept_transfer || e.grantDomid[ref] != t.me) throw Refused.of(GNTTAB_TRANSFER_NOT_ACCEPTED);
            t.setInt(ft.owner, mfn, e.id);
            t.setCountInfo(mfn, FrameTable.countInfo(1, true));
            t.setLong(e.vars, Dom.OWNED, e.vars[Dom.OWNED] + 1);
            t.setLong(e.vars, Dom.TOT_PAGES, e.vars[Dom.TOT_PAGES] + 1);
            t.setInt(e.grantFlags, ref, GTF_accept_transfer | GTF_transfer_committed | GTF_transfer_completed);
            t.setLong(e.grantFrame, ref, mfn);
            return Result.gnt(GNTST_okay);
        } catch (Refused r) {
            PageRefs.release(t, mfn); // ownerless: freed scrubbed
            t.batchStoppedBy = r.check; // the lost frame and the flush stay
            return r.check.result();
        }
    }

    /** {@code gnttab_flush_tlb}: the whole domain's TLBs. */
    private static void flushAll(Txn t, Dom d) {
        TlbOps.flushAll(t, d);
    }

    /** One part's references: general, and the writable type if the map took it (XSA-224). */
    private static void putGrantRefs(Txn t, int frame, boolean readonly) {
        if (t.checks.unmapDropsType(readonly)) PageRefs.putPageAndType(t, frame);
        else PageRefs.putPage(t, frame);
    }

    /**
     * A dying mapper's mapping ({@code gnttab_release_mappings}): its device part drops its
     * references, its host part's stay with the PTE; the maptrack entry and in-use flags go.
     */
    static void release(Txn t, Dom mapper, int handle) {
        GrantMap m = mapper.maptrack[handle];
        t.setObj(mapper.maptrack, handle, null);
        Dom granter = t.dom(m.dom);
        if (granter == null) return;
        boolean readonly = (m.flags & GNTMAP_readonly) != 0;
        if ((m.flags & GNTMAP_device_map) != 0 && t.ft.valid(m.frame)) putGrantRefs(t, (int) m.frame, readonly);
        active(t, granter, m.ref, -1, readonly ? 0 : -1);
    }

    /** Adjust a grant's active counts and derive its in-use flags from them. */
    private static void active(Txn t, Dom g, int ref, int maps, int writeMaps) {
        t.setInt(g.grantMaps, ref, g.grantMaps[ref] + maps);
        t.setInt(g.grantWriteMaps, ref, g.grantWriteMaps[ref] + writeMaps);
        int flags = g.grantFlags[ref] & ~(GTF_reading | GTF_writing)
                | (g.grantMaps[ref] > 0 ? GTF_reading : 0) | (g.grantWriteMaps[ref] > 0 ? GTF_writing : 0);
        if (flags != g.grantFlags[ref]) t.setInt(g.grantFlags, ref, flags);
    }

    private static int lowestFreeHandle(Dom d) {
        for (int h = 0; h < d.maptrack.length; h++) if (d.maptrack[h] == null) return h;
        return -1;
    }
}
