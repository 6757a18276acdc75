package pvspec.model.rules;

import static pvspec.model.abi.check.Check.L1_DISALLOWED_FLAGS;
import static pvspec.model.abi.check.Check.L1_NOT_OWNED;
import static pvspec.model.abi.check.Check.L1_NOT_RAM;
import static pvspec.model.abi.check.Check.L1_NOT_WRITABLE;
import static pvspec.model.abi.check.Check.UPPER_BAD_TYPE;
import static pvspec.model.abi.check.Check.UPPER_DISALLOWED_FLAGS;
import static pvspec.model.abi.check.Check.UPPER_NOT_OWNED;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.check.Check;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.state.Words;

/**
 * Xen's reference and type discipline ({@code get_page}, {@code put_page},
 * {@code get_page_type}, {@code put_page_type}, {@code validate_page}, {@code devalidate_page},
 * {@code get_page_from_l1e}, {@code get_page_from_l2e}, linear page tables), written once and
 * used by every hypercall that makes or drops a reference.
 *
 * <p>The discipline (see the {@code state} package): a general reference keeps a frame out of
 * the free pool; a type reference keeps its type. Taking a page-table type from type count 0
 * validates the contents, which takes the references every present entry needs (recursively:
 * an L2 entry types its target as L1); dropping the last type reference devalidates, which drops
 * them again. A failure anywhere abandons the whole request.
 */
final class PageTypes {
    private PageTypes() {}

    // General references.

    /** {@code get_page}: one more reference to {@code mfn}, which must be a frame {@code owner} owns. */
    static State getPage(State s, long mfn, int owner, Check notOwned) {
        require(s.validMfn(mfn), notOwned);
        Frame f = s.frame(mfn);
        require(f.owner() == owner && f.count() > 0, notOwned);
        return s.withFrame(mfn, f.withCount(f.count() + 1));
    }

    /** {@code put_page}: one reference fewer; at 0 the frame is freed and scrubbed. */
    static State putPage(State s, long mfn) {
        Frame f = s.frame(mfn);
        if (f.count() > 1) return s.withFrame(mfn, f.withCount(f.count() - 1));
        return Frames.release(s, mfn);
    }

    // Type references.

    /**
     * {@code get_page_type}: one more reference to {@code mfn} as {@code type}. While the type
     * count is above 0 the type must already be {@code type}; at 0 the frame takes the new type,
     * its owner's writable translations of it are flushed ({@link Tlbs#forgetWritableIn}), and
     * a page table's contents are validated.
     */
    static State getPageType(State s, long mfn, PageType type, Check badType) {
        return getPageType(s, mfn, type, badType, Preemption.NEVER);
    }

    /**
     * {@code _get_page_type} with its preemption checks ({@code get_page_type_preemptible},
     * mm.c:2894-3160): as {@link #getPageType(State, long, PageType, Check)}, but validating an
     * L2..L4 table may be preempted ({@link Preempted}: the frame is left {@code PGT_partial}).
     * A partial frame of the asked type is taken over, as any caller of Xen's takes it: no new
     * type reference, validation resumes at {@code nr_validated_ptes}, and the partial state's
     * general reference goes (mm.c:2958-3002, 3121-3142).
     */
    static State getPageType(State s, long mfn, PageType type, Check badType, Preemption p) {
        Frame f = s.frame(mfn);
        if (f.typeCount() > 0) {
            require(f.type() == type, badType);
            if (f.partial()) return resume(s, mfn, p);
            return s.withFrame(mfn, f.withType(type, f.typeCount() + 1));
        }
        s = s.withFrame(mfn, f.withType(type, 1));
        if (!type.isPageTable()) return s;
        // Xen flushes on any change of type (mm.c:3025); becoming writable only needs no writable
        // translation of a page table to drop, and the owner holds none (INV-3).
        if (s.domains().containsKey(f.owner())) s = Tlbs.forgetWritableIn(s, f.owner(), mfn);
        return validate(s, mfn, type.level(), 0, false, p);
    }

    /**
     * Taking over a partial table (mm.c:2991-3002): its validation goes on from
     * {@code nr_validated_ptes}; done or preempted again, the general reference that went with
     * {@code PGT_partial} is dropped (mm.c:3136-3142; a new preemption took its own). If an entry
     * fails, Xen makes the table the vCPU's {@code old_guest_table} (mm.c:1464-1489, 2663-2676)
     * and its null continuation tears it down (mm.c:3955-3969, 3177-3212) as the calling vCPU's:
     * {@link FailedAfter}; so too when a child taken over inside it fails.
     */
    private static State resume(State s, long mfn, Preemption p) {
        Frame f = s.frame(mfn);
        State validated;
        try {
            validated = validate(s.withFrame(mfn, f.withPartial(false, 0)), mfn, f.type().level(), f.nrValidated(), f.partialSet(), p);
        } catch (Preempted x) {
            throw new Preempted(putPage(x.state(), mfn));
        } catch (Refusal r) {
            throw new FailedAfter(r.check(), mfn);
        } catch (FailedAfter inner) {
            throw inner.within(mfn);
        }
        return putPage(validated, mfn);
    }

    /**
     * {@code put_page_type}: one type reference fewer; the last one of a page table devalidates it.
     * {@code current} is the vCPU whose request drops it: a grant PTE dropped with the table gets
     * it a #GP ({@link #putPageFromL1e}).
     */
    static State putPageType(State s, long mfn, Caller current) {
        return putPageType(s, mfn, current, Preemption.NEVER);
    }

    /**
     * {@code _put_page_type} with {@code PTF_preemptible} (mm.c:2785-2892): as
     * {@link #putPageType(State, long, Caller)}, but devalidating an L2..L4 table may be preempted
     * ({@link Preempted}): the frame keeps its one type reference, now held by
     * {@code PGT_partial}, and takes a general one for it (mm.c:2773-2779).
     */
    static State putPageType(State s, long mfn, Caller current, Preemption p) {
        Frame f = s.frame(mfn);
        s = s.withFrame(mfn, f.withType(f.type(), f.typeCount() - 1));
        if (f.typeCount() > 1 || !f.type().isPageTable()) return s;
        return devalidate(s, mfn, f.type(), f.contents(), f.contents().size(), false, current, p);
    }

    /** Both references, dropped together ({@code put_page_and_type}). */
    static State putPageAndType(State s, long mfn, Caller current) {
        return putPage(putPageType(s, mfn, current), mfn);
    }

    /** {@code put_page_and_type_preemptible}: if the type's put is preempted, the general reference stays with the caller. */
    static State putPageAndType(State s, long mfn, Caller current, Preemption p) {
        return putPage(putPageType(s, mfn, current, p), mfn);
    }

    /**
     * {@code _put_page_type} with {@code PTF_partial_set} ({@code put_old_guest_table},
     * {@code relinquish_memory}): a partial table's devalidation goes on from
     * {@code nr_validated_ptes} down (from its partial child, if {@code partial_flags} says so);
     * at the end its type and the partial state's general
     * reference go (mm.c:2815-2842, 2760-2765; domain.c:2361-2417). Preempted again, it stays
     * partial with one partial reference (a new one taken, the old one dropped: mm.c:2773-2779,
     * 2841-2842). A frame no longer partial (another caller took its validation over) is left
     * alone (mm.c:2815-2816).
     */
    static State putPartial(State s, long mfn, Caller current, Preemption p) {
        Frame f = s.frame(mfn);
        if (!f.partial()) return s;
        s = s.withFrame(mfn, f.withPartial(false, 0).withType(f.type(), 0));
        try {
            s = devalidate(s, mfn, f.type(), f.contents(), f.nrValidated(), f.partialSet(), current, p);
        } catch (Preempted x) {
            throw new Preempted(putPage(x.state(), mfn));
        }
        return putPage(s, mfn);
    }

    // Validation.

    /**
     * {@code promote_lN_table}: every present guest entry from {@code from} on takes its
     * references; a top-level table then gets the hypervisor's slots. An L2 or L3 table checks for
     * preemption before each entry past {@code from} ({@link #ownChecks}); if it fires, the
     * entries below hold their references and the frame becomes partial (mm.c:1456-1462,
     * 2673-2676: {@code nr_validated_ptes}, {@code PGT_partial} and its general reference).
     * An L3/L4 table's children are validated preemptibly ({@link #getChildInValidation});
     * {@code partialSet}: the entry at {@code from} already holds its child's general reference.
     */
    private static State validate(State s, long mfn, int level, int from, boolean partialSet, Preemption p) {
        // Each present entry is rewritten as Xen stores it (promote_lN_table: pl1e[i] =
        // adjust_guest_l1e(..), mm.c:1350, 1494, 1596, 1832).
        Words contents = s.frame(mfn).contents();
        int owner = s.frame(mfn).owner();
        boolean top = level == s.config().levels();
        for (int i = from; i < contents.size(); i++) {
            // -EINTR at i > from: partial_flags is the entry at from's alone (reset by the loop), so
            // no entry holds a partial child (mm.c:1588-1591, 1789-1798).
            if (ownChecks(level) && i > from && p.fires()) throw new Preempted(partialAt(s, mfn, s.frame(mfn).type(), i, false));
            long e = contents.get(i);
            if (!Pte.present(e) || !Frames.guestSlot(s, level, i)) continue;
            s = level > 2 ? getChildInValidation(s, e, mfn, level, i, i == from && partialSet, p) : getPageFromEntry(s, e, mfn, level, owner);
            long adjusted = Pte.adjustForGuest(e, level, top);
            if (adjusted != e) s = EntryUpdates.write(s, mfn, i, adjusted);
        }
        return top ? Frames.writeHypervisorSlots(s, mfn) : s;
    }

    /**
     * {@code demote_lN_table}: the present guest entries below {@code upto} drop their references,
     * from the last down; with {@code partialSet} the entry at {@code upto} first drops the
     * general reference it holds to its partial child, whose devalidation goes on
     * ({@code PTF_partial_set}, mm.c:1919-1926, 1966-1971). An L2 or L3 table checks for
     * preemption after each entry but the last (mm.c:1880-1888, 1933-1939; {@code demote_l4_table}
     * has no check of its own, mm.c:1969-1975); if it fires, the entries below still hold theirs:
     * the frame is left {@code type} with one type reference, partial, with a general reference
     * for that (mm.c:1902-1908, 1951-1956, 2773-2779). An L2..L4 entry's table is put
     * preemptibly ({@code put_pt_page}, mm.c:1258-1262); if its devalidation is preempted, the
     * entry keeps the general reference and the frame becomes partial at it with
     * {@code PTF_partial_set} (mm.c:1897-1901, 1946-1950, 1978-1981).
     */
    private static State devalidate(State s, long mfn, PageType type, Words contents, int upto, boolean partialSet, Caller current, Preemption p) {
        int level = type.level();
        boolean set = partialSet;
        for (int i = set ? upto : upto - 1; i >= 0; i--, set = false) {
            long e = contents.get(i);
            try {
                if (set) s = putPage(putPartial(s, Pte.mfn(e), current, p), Pte.mfn(e));
                else if (Pte.present(e) && Frames.guestSlot(s, level, i)) s = putPageFromEntry(s, e, mfn, level, current, p);
            } catch (Preempted x) {
                throw new Preempted(partialAt(x.state(), mfn, type, i, true));
            }
            if (i > 0 && ownChecks(level) && p.fires()) throw new Preempted(partialAt(s, mfn, type, i, false));
        }
        return s;
    }

    /**
     * Whether {@code promote_lN_table} and {@code demote_lN_table} call
     * {@code hypercall_preempt_check()} themselves: L2 and L3 do (mm.c:1429, 1548, 1884, 1934),
     * L4 does not (mm.c:1763-1830, 1969-1975: only its children's checks preempt it), L1 never.
     */
    private static boolean ownChecks(int level) {
        return level == 2 || level == 3;
    }

    /**
     * The frame left {@code type} with its one type reference held by {@code PGT_partial} and a
     * general reference for that ({@code get_page_light}, mm.c:2673-2676, 2773-2779), entries
     * below {@code nr} holding theirs; {@code set}: the entry at {@code nr} holds only a general
     * reference to its partial child ({@code partial_flags = PTF_partial_set}).
     */
    private static State partialAt(State s, long mfn, PageType type, int nr, boolean set) {
        Frame f = s.frame(mfn);
        return s.withFrame(mfn, f.withType(type, 1).withPartial(true, nr, set).withCount(f.count() + 1));
    }

    // Entries.

    /**
     * {@code get_page_from_l1e}: a present L1 entry maps a RAM frame of {@code pgOwner}; if it
     * is writable, the frame takes the writable type, which fails if it is a page table.
     */
    static State getPageFromL1e(State s, long e, long table, int pgOwner) {
        require(Pte.disallowed(e, l1Allowed(s, table)) == 0, L1_DISALLOWED_FLAGS);
        long mfn = Pte.mfn(e);
        // Every frame of the model is RAM; anything else is I/O memory, which needs
        // iomem_access_permitted (mm.c:877-893) of the page owner, or of the caller for DOMID_IO.
        require(s.validMfn(mfn), L1_NOT_RAM);
        pgOwner = privilegedTransfer(s, mfn, table, pgOwner);
        // RAM of another owner than pgOwner: dom_io and dom_xen own no RAM a guest may map
        // through them (xsm_priv_mapping(dom_io, ..) fails, mm.c:968-984 -> could_not_pin).
        require(pgOwner != DomId.DOMID_IO, L1_NOT_OWNED);
        if (pgOwner == DomId.DOMID_XEN) {
            // Of dom_xen's frames only those Xen shares read-only (the M2P) carry a reference to
            // take (page_get_owner_and_reference, mm.c:871); their type is PGT_none, count 1
            // (share_xen_page_with_guest, SHARE_ro), so a writable mapping fails (mm.c:1003 -> EBUSY).
            require(mfn == s.config().m2pFrame(), L1_NOT_OWNED);
            require(!Pte.writable(e), L1_NOT_WRITABLE);
        }
        s = getPage(s, mfn, pgOwner, L1_NOT_OWNED);
        return Pte.writable(e) ? getPageType(s, mfn, PageType.WRITABLE, L1_NOT_WRITABLE) : s;
    }

    /**
     * mm.c:966-985: a frame whose owner ({@code real_pg_owner}) is not the page owner is still
     * mapped, as the real owner's, when the page owner is not the L1's owner and
     * {@code xsm_priv_mapping(pg_owner, real_pg_owner)} passes (the page owner is the control
     * domain): only the control domain writing another domain's L1 ({@code foreigndom >> 16})
     * with its own id as page owner gets there. Otherwise {@code could_not_pin}.
     */
    private static int privilegedTransfer(State s, long mfn, long table, int pgOwner) {
        Frame f = s.frame(mfn);
        boolean referenced = !f.isFree() && f.count() > 0 && (f.owner() != DomId.DOMID_XEN || mfn == s.config().m2pFrame());
        if (!referenced || f.owner() == pgOwner || !DomId.isOrdinary(pgOwner) || pgOwner == s.frame(table).owner()) return pgOwner;
        var d = s.domains().get(pgOwner);
        return d != null && d.privileged() ? f.owner() : pgOwner;
    }

    /**
     * The bits an entry of L1 {@code table} may set: {@code l1_disallow_mask} of the L1's owner,
     * which lets a domain with I/O capabilities (the control domain, as for
     * {@code MMUEXT_FLUSH_CACHE}) set cache attributes (mm.c:173-177).
     */
    static long l1Allowed(State s, long table) {
        var owner = s.domains().get(s.frame(table).owner());
        return Pte.l1Allowed(owner != null && owner.privileged());
    }

    /**
     * {@code put_page_from_l1e} (mm.c:1189-1238) for an entry of L1 {@code table}, dropped by a
     * request of {@code current}. In the debug build the model follows, an implicit unmap (a grant
     * PTE, marked {@code _PAGE_GNTTAB}, dropped while the table's owner, Xen's
     * {@code l1e_owner}, is neither shutting down nor dying) injects a #GP into the current vCPU
     * (mm.c:1219-1227, {@code pv_inject_hw_exception}; with no handler the domain crashes on the
     * way back, {@link TrapRules#deliverFault}); the references are dropped all the same
     * (mm.c:1233-1237): the grant stays in use, with no PTE left to unmap it by.
     */
    static State putPageFromL1e(State s, long e, long table, Caller current) {
        if (!Pte.present(e)) return s;
        long mfn = Pte.mfn(e);
        if (Pte.has(e, PteFlag.GNTTAB)) {
            Domain owner = s.domains().get(s.frame(table).owner());
            if (owner != null && owner.life() == Lifecycle.ALIVE) {
                s = TrapRules.deliverFault(s, current, TrapRules.GENERAL_PROTECTION);
            }
        }
        return Pte.writable(e) ? putPageAndType(s, mfn, current) : putPage(s, mfn);
    }

    /**
     * {@code get_page_from_l2e/l3e/l4e} (mm.c:1115-1180): a present entry of a level-{@code level}
     * table points to a frame of the table's owner that is, or now becomes, a table of level
     * {@code level-1}. If that fails with {@code EINVAL}, Xen tries the entry as a linear one
     * ({@link #linear}); if that fails too, the refusal is the typing's: the linear rules only
     * rescue an entry, they return no error of their own (mm.c:1133-1135, 1155-1159, 1177-1179).
     */
    static State getPageFromUpper(State s, long e, long table, int level) {
        return getPageFromUpper(s, e, table, level, Preemption.NEVER);
    }

    /**
     * As above, the child's validation preemptible ({@code PTF_preemptible}): preempted, the child
     * is left partial and the general reference taken for it dropped again
     * ({@code get_page_and_type_from_mfn} without {@code PTF_retain_ref_on_restart}, mm.c:1104-1110).
     */
    static State getPageFromUpper(State s, long e, long table, int level, Preemption p) {
        return getPageFromUpper(s, e, table, level, p, false, false);
    }

    /**
     * An L3/L4 table's entry {@code i} in its own validation ({@code promote_l3/l4_table}):
     * {@code get_page_from_l3e/l4e} with {@code PTF_preemptible}, {@code PTF_retain_ref_on_restart}
     * and, for the first entry of a resumed validation, its {@code partial_flags}
     * (mm.c:1578-1579, 1780-1781, 1153-1154, 1177-1178). If the child's validation is preempted
     * ({@code -ERESTART}), the entry keeps the child's general reference and the table becomes
     * partial at {@code i} with {@code PTF_partial_set} (mm.c:1583-1586, 1785-1788, 2673-2676).
     */
    private static State getChildInValidation(State s, long e, long table, int level, int i, boolean partialSet, Preemption p) {
        try {
            return getPageFromUpper(s, e, table, level, p, partialSet, true);
        } catch (Preempted x) {
            throw new Preempted(partialAt(x.state(), table, s.frame(table).type(), i, true));
        }
    }

    /**
     * {@code get_page_and_type_from_mfn}'s flags (mm.c:1054-1112): {@code partialSet}
     * ({@code PTF_partial_set}), the entry already holds the child's general reference, so none
     * is taken; {@code retain} ({@code PTF_retain_ref_on_restart}), a preempted child's general
     * reference stays with the entry, otherwise it is dropped.
     */
    private static State getPageFromUpper(State s, long e, long table, int level, Preemption p, boolean partialSet, boolean retain) {
        require(Pte.disallowed(e, Pte.UPPER_ALLOWED) == 0, UPPER_DISALLOWED_FLAGS);
        long target = Pte.mfn(e);
        try {
            State typed = partialSet ? s : getPage(s, target, s.frame(table).owner(), UPPER_NOT_OWNED);
            try {
                return getPageType(typed, target, PageType.table(level - 1), UPPER_BAD_TYPE, p);
            } catch (Preempted x) {
                throw new Preempted(retain ? x.state() : putPage(x.state(), target));
            }
        } catch (Refusal r) {
            if (!r.check().is(Errno.EINVAL)) throw r;
            State linear = linear(s, e, table, level);
            if (linear == null) throw r;
            return linear;
        }
    }

    /**
     * {@code get_lN_linear_pagetable} (mm.c:667-734), in Xen's order: the entry is read-only; an
     * entry to its own table takes no reference; otherwise the target is a frame of the table's
     * owner, the table holds no linear use and the target no linear entries
     * ({@code inc_linear_entries}, {@code inc_linear_uses}: one level only, XSA-240), and the
     * target is already a validated table of the same level. Null when a rule fails (Xen undoes
     * what it took and returns 0).
     */
    private static State linear(State s, long e, long table, int level) {
        if (Pte.writable(e)) return null;
        long target = Pte.mfn(e);
        if (target == table) return s;
        Frame tab = s.frame(table); // the table's owner is the domain whose entry this is (mm.c:693-695)
        if (!s.validMfn(target)) return null;
        Frame t = s.frame(target);
        if (t.owner() != tab.owner() || t.count() == 0) return null;
        if (tab.linearCount() < 0 || t.linearCount() > 0 || !t.isTable(level)) return null;
        s = s.withFrame(table, tab.withLinearCount(tab.linearCount() + 1));
        return s.withFrame(target, t.withLinearCount(t.linearCount() - 1).withCount(t.count() + 1)
                .withType(t.type(), t.typeCount() + 1));
    }

    /** {@code put_page_from_l2e/l3e/l4e}: undoes {@link #getPageFromUpper}. */
    static State putPageFromUpper(State s, long e, long table, int level, Caller current) {
        if (!Pte.present(e) || Pte.mfn(e) == table) return s;
        return putPageAndType(unlinkLinear(s, e, table, level), Pte.mfn(e), current);
    }

    /**
     * {@code put_page_from_l2e/l3e/l4e} from a table's devalidation ({@code put_pt_page} with
     * {@code PTF_preemptible}, mm.c:1258-1262): if the table's own devalidation is preempted,
     * its general reference stays with the entry ({@link Preempted}); the linear counts go
     * all the same ({@code _put_final_page_type}, mm.c:2749-2755).
     */
    static State putPageFromUpper(State s, long e, long table, int level, Caller current, Preemption p) {
        if (!Pte.present(e) || Pte.mfn(e) == table) return s;
        return putPageAndType(unlinkLinear(s, e, table, level), Pte.mfn(e), current, p);
    }

    /**
     * {@code put_page_from_lNe(.., PTF_defer)} (mm.c:1243-1256): the table an L2..L4 entry held
     * is left to a deferred put ({@code old_guest_table}, not partial); -1 when there is none (no
     * entry, or one to its own table: mm.c:1282, 1295, 1307). A linear entry's counts go with
     * the put, which {@code _put_final_page_type} makes even when preempted (mm.c:2749-2755).
     */
    static long deferredPut(State s, long e, long table) {
        return !Pte.present(e) || Pte.mfn(e) == table ? -1 : Pte.mfn(e);
    }

    /** The linear counts of a dropped level-{@code level} entry {@code e} of {@code table} ({@code dec_linear_uses}, {@code dec_linear_entries}). */
    static State unlinkLinear(State s, long e, long table, int level) {
        long target = Pte.mfn(e);
        if (s.frame(target).type() == PageType.table(level)) {
            Frame tab = s.frame(table);
            s = s.withFrame(table, tab.withLinearCount(tab.linearCount() - 1));
            Frame t = s.frame(target);
            s = s.withFrame(target, t.withLinearCount(t.linearCount() + 1));
        }
        return s;
    }

    /** Take the references of a present entry of a level-{@code level} table. */
    static State getPageFromEntry(State s, long e, long table, int level, int pgOwner) {
        return level == 1 ? getPageFromL1e(s, e, table, pgOwner) : getPageFromUpper(s, e, table, level);
    }

    /** Drop the references of an entry of a level-{@code level} table. */
    static State putPageFromEntry(State s, long e, long table, int level, Caller current) {
        return putPageFromEntry(s, e, table, level, current, Preemption.NEVER);
    }

    /** As above, an L2..L4 entry's table put preemptibly. */
    static State putPageFromEntry(State s, long e, long table, int level, Caller current, Preemption p) {
        return level == 1 ? putPageFromL1e(s, e, table, current) : putPageFromUpper(s, e, table, level, current, p);
    }
}
