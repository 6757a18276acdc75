package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.L1_DISALLOWED_FLAGS;
import static pvspec.model.abi.check.Check.L1_NOT_OWNED;
import static pvspec.model.abi.check.Check.L1_NOT_RAM;
import static pvspec.model.abi.check.Check.L1_NOT_WRITABLE;
import static pvspec.model.abi.check.Check.UPPER_BAD_TYPE;
import static pvspec.model.abi.check.Check.UPPER_DISALLOWED_FLAGS;
import static pvspec.model.abi.check.Check.UPPER_NOT_OWNED;
import static pvspec.hypervisor.FrameTable.count;
import static pvspec.hypervisor.FrameTable.typeCount;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.model.abi.DomId;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.check.Check;
import pvspec.model.state.Domain;

/**
 * Xen's reference and type discipline ({@code arch/x86/mm.c}): {@code get_page},
 * {@code put_page}, {@code get_page_type}, {@code put_page_type}, validation on first typing,
 * devalidation on the last type reference, {@code get_page_from_lNe}, linear page tables.
 *
 * <p>A general reference keeps a frame out of the heap; a type reference keeps its type. A
 * frame takes a page-table type only at type count 0, after its cached translations are
 * dropped and its contents validated (which takes the references every present entry needs,
 * recursively); it loses it when the last type reference goes, which drops them again. Every
 * count change is a CAS on the packed word, made while holding the frame owner's lock; every
 * change is journaled, so a refusal anywhere below a request undoes the whole request.
 */
final class PageRefs {
    private PageRefs() {}

    // Refusals from validating entries, in the order Xen checks them.

    // ------------------------------------------------------------ general references

    /** {@code get_page}: one more reference to {@code mfn}, a frame {@code owner} owns. */
    static void getPage(Txn t, long mfn, int owner, Check notOwned) {
        FrameTable ft = t.ft;
        if (!ft.valid(mfn)) throw Refused.of(notOwned);
        int f = (int) mfn;
        t.need(owner);
        for (;;) {
            long ci = ft.countInfo.get(f);
            if (!t.checks.pageOwner(ft.owner[f], owner) || count(ci) <= 0) throw Refused.of(notOwned);
            if (t.casCount(f, ci, ci + 1)) return;
        }
    }

    /** {@code put_page}: one reference fewer; the last one frees the frame. */
    static void putPage(Txn t, int mfn) {
        t.needFrame(mfn);
        FrameTable ft = t.ft;
        for (;;) {
            long ci = ft.countInfo.get(mfn);
            if (count(ci) <= 1) {
                release(t, mfn);
                return;
            }
            if (t.casCount(mfn, ci, FrameTable.countInfo(count(ci) - 1, FrameTable.allocated(ci)))) return;
        }
    }

    /**
     * The frame goes back to the heap (at commit): no owner, no counts, no vCPU keeps a
     * translation to it; scrubbed only if its owner is dying ({@code free_domheap_pages}).
     */
    static void release(Txn t, int mfn) {
        FrameTable ft = t.ft;
        int owner = ft.owner[mfn];
        Dom d = t.dom(owner);
        t.setCountInfo(mfn, 0);
        t.setTypeInfo(mfn, 0);
        t.setInt(ft.owner, mfn, FrameTable.FREE);
        t.setInt(ft.linear, mfn, 0);
        if (t.checks.scrubOnFree(d == null || !d.alive())) {
            t.setInt(ft.dataTag, mfn, FrameTable.FREE);
            t.zeroContents(mfn);
        }
        TlbOps.forgetFrame(t, mfn);
        if (d != null) t.setLong(d.vars, Dom.OWNED, d.vars[Dom.OWNED] - 1);
        t.freed(mfn);
    }

    // ------------------------------------------------------------ type references

    /**
     * {@code get_page_type}: one more reference to {@code mfn} as {@code type}. With references
     * outstanding the type must match; at 0 the frame takes the type, and a page-table type
     * first flushes its owner's writable translations to it and validates its contents.
     */
    static void getPageType(Txn t, int mfn, int type, Check badType) {
        getPageType(t, mfn, type, badType, false);
    }

    /**
     * {@code _get_page_type}; {@code preemptible} as {@code get_page_type_preemptible}: an L2..L4
     * validation checks for preemption and may stop with the frame {@code PGT_partial}
     * ({@link Preempt}). A partial frame of the asked type is taken over by any caller: no new
     * type reference, validation resumes at {@code nr_validated_ptes} (mm.c:2958-3002).
     */
    static void getPageType(Txn t, int mfn, int type, Check badType, boolean preemptible) {
        FrameTable ft = t.ft;
        for (;;) {
            long ti = ft.typeInfo.get(mfn);
            int tc = typeCount(ti);
            if (tc > 0) {
                if (!t.checks.typeMatches(FrameTable.type(ti), type)) throw Refused.of(badType);
                if (FrameTable.partial(ti)) {
                    resume(t, mfn, ti, preemptible);
                    return;
                }
                if (t.casType(mfn, ti, FrameTable.typeInfo(FrameTable.type(ti), tc + 1, FrameTable.pinned(ti)))) return;
                continue;
            }
            if (!t.casType(mfn, ti, FrameTable.typeInfo(type, 1, FrameTable.pinned(ti)))) continue;
            if (!FrameTable.isPageTable(type)) return;
            if (t.checks.flushTlbOnPageTableType()) {
                Dom owner = t.dom(ft.owner[mfn]);
                if (owner != null) TlbOps.forgetWritableIn(t, owner, mfn);
            }
            validate(t, mfn, type, 0, false, preemptible);
            return;
        }
    }

    /**
     * Take a partial table's validation over: clear {@code PGT_partial} (the type count stays 1),
     * validate from {@code nr_validated_ptes}, then drop the general reference that went with the
     * partial state (mm.c:3136-3142). A failing entry leaves the table torn down with the
     * refusal, as Xen's {@code old_guest_table} and null continuation do ({@link FailedAfter}).
     */
    private static void resume(Txn t, int mfn, long ti, boolean preemptible) {
        int type = FrameTable.type(ti);
        long mark = t.mark();
        t.setTypeInfo(mfn, FrameTable.typeInfo(type, 1, FrameTable.pinned(ti)));
        try {
            validate(t, mfn, type, t.checks.resumeValidationAt(FrameTable.nrValidated(ti)), t.checks.partialSetOnResume(FrameTable.partialSet(ti)), preemptible);
        } catch (Preempt p) {
            putPage(t, mfn); // the new partial state took its own
            throw p;
        } catch (Refused r) {
            t.rollback(mark);
            throw new FailedAfter(r.check, mfn);
        } catch (FailedAfter inner) { // a child taken over inside it failed: this table goes too
            t.rollback(mark);
            throw inner.within(mfn);
        }
        for (int i = 0; i < t.checks.partialRefsDroppedOnTakeover(); i++) putPage(t, mfn);
    }

    /** {@code put_page_type}: one type reference fewer; the last one of a page table devalidates it. */
    static void putPageType(Txn t, int mfn) {
        putPageType(t, mfn, false);
    }

    /** {@code _put_page_type}; {@code preemptible}: devalidating an L2..L4 table may stop with it partial ({@link Preempt}). */
    static void putPageType(Txn t, int mfn, boolean preemptible) {
        t.needFrame(mfn);
        FrameTable ft = t.ft;
        for (;;) {
            long ti = ft.typeInfo.get(mfn);
            int tc = typeCount(ti);
            int type = FrameTable.type(ti);
            if (!t.casType(mfn, ti, FrameTable.typeInfo(type, tc - 1, FrameTable.pinned(ti)))) continue;
            if (tc <= 1 && FrameTable.isPageTable(type)) devalidate(t, mfn, type, ft.entries, false, preemptible);
            return;
        }
    }

    /** {@code put_page_and_type}. */
    static void putPageAndType(Txn t, int mfn) {
        putPageType(t, mfn);
        putPage(t, mfn);
    }

    /** {@code put_page_and_type_preemptible}: a preempted type put keeps the general reference with the caller. */
    static void putPageAndType(Txn t, int mfn, boolean preemptible) {
        putPageType(t, mfn, preemptible);
        putPage(t, mfn);
    }

    /**
     * {@code _put_page_type} with {@code PTF_partial_set} ({@code put_old_guest_table},
     * {@code relinquish_memory}): a partial table's devalidation goes on from
     * {@code nr_validated_ptes} down (from its partial child's reference if {@code PTF_partial_set});
     * at the end its type and its partial reference go. Preempted
     * again, it stays partial with one partial reference. A frame no longer partial is left alone.
     */
    static void putPartial(Txn t, int mfn, boolean preemptible) {
        t.needFrame(mfn);
        long ti = t.ft.typeInfo.get(mfn);
        if (!FrameTable.partial(ti)) return;
        t.setTypeInfo(mfn, FrameTable.typeInfo(FrameTable.NONE, 0, FrameTable.pinned(ti)));
        try {
            devalidate(t, mfn, FrameTable.type(ti), FrameTable.nrValidated(ti), FrameTable.partialSet(ti), preemptible);
        } finally {
            putPage(t, mfn); // preempted again: the new partial state took its own
        }
    }

    // ------------------------------------------------------------ validation

    /**
     * {@code promote_lN_table}: every present guest entry from {@code from} on takes its
     * references; a top-level table then gets the hypervisor's slots. Preemptible, an L2 or L3
     * table checks before each entry past {@code from} (mm.c:1429, 1548; an L4 has no check,
     * mm.c:1763-1830) and stops partial
     * (mm.c:1456-1462, 2673-2676). An L3/L4 table types its children preemptibly, keeping a
     * preempted child's general reference in the entry ({@code PTF_retain_ref_on_restart}) and
     * stopping partial at it with {@code PTF_partial_set} (mm.c:1578-1586, 1780-1788);
     * {@code partialSet}: the entry at {@code from} holds its child's general reference already.
     */
    private static void validate(Txn t, int mfn, int level, int from, boolean partialSet, boolean preemptible) {
        Hypervisor hv = t.hv;
        FrameTable ft = t.ft;
        int owner = ft.owner[mfn];
        for (int i = from; i < ft.entries; i++) {
            if (preemptible && (level == 2 || level == 3) && i > from && t.preemptCheck()) stopPartial(t, mfn, level, i, false);
            long e = ft.entry(mfn, i);
            if (!Pte.present(e) || !hv.guestSlot(level, i)) continue;
            if (level > 2) {
                try {
                    getFromUpper(t, e, mfn, level, preemptible, i == from && partialSet, true);
                } catch (Preempt p) {
                    stopPartial(t, mfn, level, i, true);
                }
            } else {
                getFromEntry(t, e, mfn, level, owner);
            }
            // Stored adjusted, as promote_lN_table does (mm.c:1350, 1494, 1596, 1832).
            long adjusted = t.checks.adjustForGuest(e, level, level == hv.levels);
            if (adjusted != e) t.setEntry(mfn, i, adjusted);
        }
        if (level == hv.levels) writeHypervisorSlots(t, mfn);
    }

    /**
     * {@code demote_lN_table}: the present guest entries below {@code upto} drop their references,
     * from the last down, after the partial child at {@code upto} if {@code partialSet}
     * (mm.c:1919-1926). Preemptible, an L2 or L3 table checks after each entry but the last
     * (mm.c:1880-1888, 1933-1939; an L4 has no check, mm.c:1969-1975), and an entry's table is
     * put preemptibly ({@code put_pt_page}, mm.c:1258-1262): either stops the table partial, with
     * one type reference (mm.c:1902-1908, 1946-1956, 2773-2779), at a preempted child with
     * {@code PTF_partial_set}.
     */
    private static void devalidate(Txn t, int mfn, int level, int upto, boolean partialSet, boolean preemptible) {
        Hypervisor hv = t.hv;
        FrameTable ft = t.ft;
        boolean set = partialSet;
        for (int i = set ? upto : upto - 1; i >= 0; i--, set = false) {
            long e = ft.entry(mfn, i);
            try {
                if (set) {
                    int child = (int) Pte.mfn(e);
                    putPartial(t, child, preemptible);
                    putPage(t, child);
                } else if (Pte.present(e) && hv.guestSlot(level, i)) {
                    if (level == 1) putFromL1e(t, e, mfn);
                    else putFromUpper(t, e, mfn, level, preemptible);
                }
            } catch (Preempt p) {
                stopPartial(t, mfn, level, i, true);
            }
            if (i > 0 && preemptible && (level == 2 || level == 3) && t.preemptCheck()) stopPartial(t, mfn, level, i, false);
        }
    }

    /**
     * Leaves {@code mfn} a partial table of {@code level} at entry {@code nr} ({@code PTF_partial_set}
     * if {@code set}) with a general reference for the partial state (mm.c:2673-2676, 2773-2779), and
     * unwinds.
     */
    private static void stopPartial(Txn t, int mfn, int level, int nr, boolean set) {
        FrameTable ft = t.ft;
        t.setTypeInfo(mfn, FrameTable.partialTypeInfo(level, nr, FrameTable.pinned(ft.typeInfo.get(mfn)), set));
        long ci = ft.countInfo.get(mfn);
        t.setCountInfo(mfn, FrameTable.countInfo(count(ci) + 1, FrameTable.allocated(ci)));
        throw Preempt.INSTANCE;
    }

    /** {@code init_xen_l4_slots}: the reserved slots map the hypervisor's frames, supervisor-only. */
    private static void writeHypervisorSlots(Txn t, int mfn) {
        Hypervisor hv = t.hv;
        int first = hv.config.reservedFirst();
        Dom owner = t.dom(t.ft.owner[mfn]);
        boolean strict = owner != null && (owner.vars[Dom.VM_ASSIST] >>> Domain.VMASST_M2P_STRICT & 1) != 0;
        for (int slot = first; slot < first + hv.config.reservedCount(); slot++) t.setEntry(mfn, slot, hv.hypervisorEntry(slot, strict));
    }

    // ------------------------------------------------------------ entries

    static void getFromEntry(Txn t, long e, int table, int level, int pgOwner) {
        if (level == 1) getFromL1e(t, e, table, pgOwner);
        else getFromUpper(t, e, table, level);
    }

    static void putFromEntry(Txn t, long e, int table, int level) {
        if (level == 1) putFromL1e(t, e, table);
        else putFromUpper(t, e, table, level);
    }

    /** {@code get_page_from_l1e}: a RAM frame of {@code pgOwner}; writable entries need the writable type. */
    static void getFromL1e(Txn t, long e, int table, int pgOwner) {
        if (!t.checks.l1FlagsAllowed(e, ioCapable(t, table))) throw Refused.of(L1_DISALLOWED_FLAGS);
        long mfn = Pte.mfn(e);
        if (!t.ft.valid(mfn)) throw Refused.of(L1_NOT_RAM); // I/O memory: nobody holds iomem_caps
        // mm.c:966-985: a privileged page owner that is not the L1's owner passes its right to map
        // on (xsm_priv_mapping): the frame is then mapped as its real owner's.
        int f = (int) mfn;
        int real = t.ft.owner[f];
        boolean referenced = real != FrameTable.FREE && FrameTable.count(t.ft.countInfo.get(f)) > 0
                && (real != DomId.DOMID_XEN || mfn == t.hv.config.m2pFrame());
        if (referenced && real != pgOwner && DomId.isOrdinary(pgOwner) && pgOwner != t.ft.owner[table]) {
            Dom p = t.dom(pgOwner);
            if (p != null && p.privileged) pgOwner = real;
        }
        // dom_io owns no RAM, and xsm_priv_mapping(dom_io, owner) fails (mm.c:968-984).
        if (pgOwner == DomId.DOMID_IO) throw Refused.of(L1_NOT_OWNED);
        if (pgOwner == DomId.DOMID_XEN) {
            // dom_xen: only the read-only shared M2P has a reference to take, never writable.
            if (mfn != t.hv.config.m2pFrame()) throw Refused.of(L1_NOT_OWNED);
            if (Pte.writable(e)) throw Refused.of(L1_NOT_WRITABLE);
        }
        getPage(t, mfn, pgOwner, L1_NOT_OWNED);
        if (Pte.writable(e)) getPageType(t, (int) mfn, FrameTable.WRITABLE, L1_NOT_WRITABLE);
    }

    /** {@code cache_flush_permitted} of L1 {@code table}'s owner, for {@code l1_disallow_mask} (mm.c:173-177). */
    static boolean ioCapable(Txn t, int table) {
        Dom owner = t.dom(t.ft.owner[table]);
        return owner != null && owner.privileged;
    }

    /**
     * {@code put_page_from_l1e} for an entry of L1 {@code table}. Debug build: dropping a grant PTE
     * while the table's owner is neither shutting down nor dying gives the current vCPU a #GP
     * (mm.c:1219-1227); the references go all the same.
     */
    static void putFromL1e(Txn t, long e, int table) {
        if (!Pte.present(e)) return;
        int mfn = (int) Pte.mfn(e);
        if ((e & PteFlag.GNTTAB.mask()) != 0) {
            Dom owner = t.dom(t.ft.owner[table]);
            if (owner != null && owner.life() == Dom.ALIVE) TrapOps.deliverFault(t, TrapOps.GENERAL_PROTECTION);
        }
        if (Pte.writable(e)) putPageAndType(t, mfn);
        else putPage(t, mfn);
    }

    /**
     * {@code get_page_from_l2e..l4e}: a frame of the table's owner that is, or becomes, a table
     * one level down; failing that with EINVAL, possibly a linear entry. If that fails too, the
     * typing's refusal stands (the linear rules return no error of their own: mm.c:1133).
     */
    static void getFromUpper(Txn t, long e, int table, int level) {
        getFromUpper(t, e, table, level, false);
    }

    /** As above; {@code preemptible} ({@code PTF_preemptible}): a preempted child keeps no reference of ours (mm.c:1104-1110). */
    static void getFromUpper(Txn t, long e, int table, int level, boolean preemptible) {
        getFromUpper(t, e, table, level, preemptible, false, false);
    }

    /**
     * {@code get_page_and_type_from_mfn}'s flags: {@code partialSet}, the entry holds the child's
     * general reference already (none taken, mm.c:1064-1066); {@code retain}, a preempted child
     * keeps it ({@code PTF_retain_ref_on_restart}, mm.c:1104-1110).
     */
    private static void getFromUpper(Txn t, long e, int table, int level, boolean preemptible, boolean partialSet, boolean retain) {
        if (!t.checks.upperFlagsAllowed(level, e)) throw Refused.of(UPPER_DISALLOWED_FLAGS);
        long target = Pte.mfn(e);
        long mark = t.mark();
        try {
            if (!partialSet) getPage(t, target, t.ft.owner[table], UPPER_NOT_OWNED);
            try {
                getPageType(t, (int) target, level - 1, UPPER_BAD_TYPE, preemptible);
            } catch (Preempt p) {
                if (!retain) putPage(t, (int) target);
                throw p;
            }
        } catch (Refused r) {
            t.rollback(mark);
            if (!r.check.is(EINVAL) || !linear(t, e, table, target, level)) throw r;
        }
    }

    /**
     * {@code get_lN_linear_pagetable} (mm.c:667-734), in Xen's order: read-only; to its own table
     * free of charge; else a frame of the same owner, the table no linear target and the target
     * holding no linear entries (one level only), the target a validated table of this level.
     * False, with nothing taken, when a rule fails.
     */
    private static boolean linear(Txn t, long e, int table, long target, int level) {
        if (!t.checks.linearReadOnly(e)) return false;
        if (target == table) return true;
        FrameTable ft = t.ft;
        if (!ft.valid(target)) return false;
        int tg = (int) target;
        t.needFrame(tg);
        if (!t.checks.linearSameOwner(ft.owner[table], ft.owner[tg]) || count(ft.countInfo.get(tg)) == 0) return false;
        long ti = ft.typeInfo.get(tg);
        if (!t.checks.linearOneLevel(ft.linear[table], ft.linear[tg])) return false;
        if (FrameTable.type(ti) != level || typeCount(ti) == 0 || FrameTable.partial(ti)) return false;
        t.setInt(ft.linear, table, ft.linear[table] + 1);
        t.setInt(ft.linear, tg, ft.linear[tg] - 1);
        long ci = ft.countInfo.get(tg);
        t.setCountInfo(tg, FrameTable.countInfo(count(ci) + 1, FrameTable.allocated(ci)));
        t.setTypeInfo(tg, FrameTable.typeInfo(level, typeCount(ti) + 1, FrameTable.pinned(ti)));
        return true;
    }

    /** {@code put_page_from_l2e..l4e}: undoes {@link #getFromUpper}. */
    static void putFromUpper(Txn t, long e, int table, int level) {
        putFromUpper(t, e, table, level, false);
    }

    /** As above; {@code preemptible} ({@code put_pt_page}): a preempted devalidation keeps the general reference with the entry. */
    static void putFromUpper(Txn t, long e, int table, int level, boolean preemptible) {
        int target = deferFromUpper(t, e, table, level);
        if (target >= 0) putPageAndType(t, target, preemptible);
    }

    /**
     * {@code put_page_from_lNe(.., PTF_defer)}: the linear counts now, the table left to a
     * deferred put (mm.c:1247-1253); returns it, or -1 when the entry holds none.
     */
    static int deferFromUpper(Txn t, long e, int table, int level) {
        if (!Pte.present(e)) return -1;
        int target = (int) Pte.mfn(e);
        if (target == table) return -1;
        FrameTable ft = t.ft;
        t.needFrame(target);
        if (FrameTable.type(ft.typeInfo.get(target)) == level) {
            t.setInt(ft.linear, table, ft.linear[table] - 1);
            t.setInt(ft.linear, target, ft.linear[target] + 1);
        }
        return target;
    }
}
