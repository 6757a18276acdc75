package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MMUEXT_ALREADY_PINNED;
import static pvspec.model.abi.check.Check.MMUEXT_BAD_TYPE;
import static pvspec.model.abi.check.Check.MMUEXT_COPY_BAD_SOURCE;
import static pvspec.model.abi.check.Check.MMUEXT_COPY_BAD_TARGET;
import static pvspec.model.abi.check.Check.MMUEXT_FOREIGN_CMD;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_PINNED;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_WRITABLE;
import static pvspec.model.abi.check.Check.MMUEXT_NO_CACHE_FLUSH;
import static pvspec.model.abi.check.Check.MMUEXT_NO_SUPERPAGES;
import static pvspec.model.abi.check.Check.MMUEXT_UNKNOWN_COMMAND;
import static pvspec.model.abi.check.Check.MMUEXT_XSM;
import static pvspec.model.rules.Refusal.require;

import org.pcollections.TreePMap;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;
import pvspec.model.state.Words;

/**
 * {@code mmuext_op}: pinning and unpinning tables, switching base pointers, TLB and page
 * operations ({@code do_mmuext_op}). Pin, unpin, clear and copy name frames of the page owner
 * ({@code foreigndom}: the control domain building a guest); every other command acts on the
 * caller's own vCPUs and needs the page owner to be the caller.
 */
final class MmuextOpRules {
    private MmuextOpRules() {}


    static Outcome apply(State s, Caller c, MmuextOp h) {
        // mm.c:3461-3470: put_old_guest_table comes first, whatever the arguments (preempted, the
        // call restarts); then, before the loop (mm.c:3494-3508), get_pg_owner (a domid_t),
        // is_pv_domain (every domain of the model, dom_io and dom_xen too, is PV), then
        // xsm_mmuext_op, which, unlike xsm_mmu_update, makes no exception for dom_io.
        Preemption p = Preemption.at(h.preempt());
        Outcome first = OldGuestTable.putFirst(s, c, p);
        if (first.result() instanceof Result.Restart) return first;
        State st = first.state();
        int pg;
        try {
            pg = PgOwner.of(st, c, h.foreigndom() & 0xFFFF);
            require(PgOwner.xsmTarget(st, c, pg), MMUEXT_XSM);
        } catch (Refusal r) {
            return Outcome.refused(st, new Result.Partial(r.check().errno(), 0), r.check());
        }
        return Batches.runPreemptible(st, c, h.ops(), p, (x, op) -> op(x, c, pg, op, p));
    }

    private static State op(State s, Caller c, int pg, MmuextOp.Op op, Preemption preempt) {
        int me = c.domain();
        return op.accept(new MmuextOp.Op.Visitor<>() {
            @Override
            public State pin(MmuextOp.Pin p) {
                // mm.c:3565-3567: pinning a level the machine does not have is ignored (rc = 0).
                if (p.level() < 1 || p.level() > s.config().levels()) return s;
                return MmuextOpRules.pin(s, c, pg, p.mfn(), PageType.table(p.level()), preempt);
            }

            @Override public State unpin(MmuextOp.Unpin x) { return MmuextOpRules.unpin(s, c, pg, x.mfn(), preempt); }
            @Override public State newBaseptr(MmuextOp.NewBaseptr x) { return MmuextOpRules.newBaseptr(own(s), c, x.mfn(), preempt); }
            @Override public State tlbFlushLocal(MmuextOp.TlbFlushLocal x) { return Tlbs.flushLocal(own(s), me, c.vcpu()); }
            @Override public State invlpgLocal(MmuextOp.InvlpgLocal x) { return Tlbs.invlpgLocal(own(s), me, c.vcpu(), x.va()); }
            @Override public State tlbFlushAll(MmuextOp.TlbFlushAll x) { return Tlbs.flushAll(own(s), me); }
            @Override public State invlpgAll(MmuextOp.InvlpgAll x) { return Tlbs.invlpgAll(own(s), me, x.va()); }
            @Override public State clearPage(MmuextOp.ClearPage x) { return MmuextOpRules.clearPage(s, pg, x.mfn()); }

            @Override
            public State flushCache(MmuextOp.FlushCache x) {
                State st = own(s);
                require(s.dom(me).privileged(), MMUEXT_NO_CACHE_FLUSH);
                return st;
            }

            /** mm.c:3681-3839: the commands on the caller's own vCPUs refuse a foreign page owner first. */
            private State own(State st) {
                require(pg == me, MMUEXT_FOREIGN_CMD);
                return st;
            }

            @Override public State flushCacheGlobal(MmuextOp.FlushCacheGlobal x) { return flushCache(new MmuextOp.FlushCache()); }
            @Override public State tlbFlushMulti(MmuextOp.TlbFlushMulti x) { return MmuextOpRules.multi(own(s), me, x.vcpumask(), -1, false); }
            @Override public State invlpgMulti(MmuextOp.InvlpgMulti x) { return MmuextOpRules.multi(own(s), me, x.vcpumask(), x.va(), true); }
            @Override public State copyPage(MmuextOp.CopyPage x) { return MmuextOpRules.copyPage(s, pg, x.mfn(), x.srcMfn()); }
            @Override public State setLdt(MmuextOp.SetLdt x) { return DescriptorRules.setLdt(own(s), c, x.va(), x.ents()); }
            @Override public State markSuper(MmuextOp.MarkSuper x) { throw Refusal.of(MMUEXT_NO_SUPERPAGES); }
            @Override public State unmarkSuper(MmuextOp.UnmarkSuper x) { throw Refusal.of(MMUEXT_NO_SUPERPAGES); }
            @Override public State newUserBaseptr(MmuextOp.NewUserBaseptr x) { return MmuextOpRules.newUserBaseptr(own(s), c, x.mfn(), preempt); }
            @Override public State unknown(MmuextOp.Unknown x) { throw Refusal.of(MMUEXT_UNKNOWN_COMMAND); }
        });
    }

    /**
     * {@code MMUEXT_PIN_Lx_TABLE}: take the type (validating the whole tree below it if it is not
     * yet a table) and keep a general and a type reference for the pin. A pin of a dying foreign
     * page owner's table is dropped again at once (mm.c:3609-3630: it races
     * {@code domain_relinquish_resources}), and the command succeeds. A preempted validation
     * drops the reference {@code get_page_from_gfn} took (mm.c:3579-3591): the partial table
     * holds its own.
     */
    private static State pin(State s, Caller c, int pg, long mfn, PageType type, Preemption p) {
        require(PgOwner.owns(s, mfn, pg), MMUEXT_NOT_OWNED);
        require(!PgOwner.sharedXenFrame(pg), MMUEXT_BAD_TYPE);
        s = PageTypes.getPage(s, mfn, pg, MMUEXT_NOT_OWNED);
        try {
            s = PageTypes.getPageType(s, mfn, type, MMUEXT_BAD_TYPE, p);
        } catch (Preempted x) {
            throw new Preempted(PageTypes.putPage(x.state(), mfn));
        }
        Frame f = s.frame(mfn);
        require(!f.pinned(), MMUEXT_ALREADY_PINNED);
        if (pg != c.domain() && s.dom(pg).life() == Lifecycle.DYING) return PageTypes.putPageAndType(s, mfn, c);
        return s.withFrame(mfn, f.withPinned(true));
    }

    /**
     * {@code MMUEXT_UNPIN_TABLE}: drop the pin's references (devalidating if they were the last).
     * A preempted devalidation makes the table the vCPU's {@code old_guest_table}, which keeps the
     * pin's general reference; the command itself is done (rc = 0, mm.c:3657-3670).
     */
    private static State unpin(State s, Caller c, int pg, long mfn, Preemption p) {
        require(PgOwner.owns(s, mfn, pg), MMUEXT_NOT_OWNED);
        Frame f = s.frame(mfn);
        require(f.pinned(), MMUEXT_NOT_PINNED);
        try {
            return PageTypes.putPageAndType(s.withFrame(mfn, f.withPinned(false)), mfn, c, p);
        } catch (Preempted x) {
            return OldGuestTable.defer(x.state(), c, mfn);
        }
    }

    /**
     * {@code MMUEXT_NEW_BASEPTR} ({@code new_guest_cr3}, mm.c:3294-3400): the calling vCPU runs on
     * a new top-level table, which takes a general and a type reference; the old one drops its
     * own. Loading CR3 flushes the TLB. A preempted validation of the new table drops the general
     * reference ({@code get_page_and_type_from_mfn}); a preempted put of the old one leaves it the
     * vCPU's {@code old_guest_table} and the command is re-issued (rc = -ERESTART, mm.c:3389-3397),
     * when it finds the new table already loaded (mm.c:3339-3346).
     */
    private static State newBaseptr(State s, Caller c, long mfn, Preemption p) {
        s = PageTypes.getPage(s, mfn, c.domain(), MMUEXT_NOT_OWNED);
        try {
            s = PageTypes.getPageType(s, mfn, PageType.table(s.config().levels()), MMUEXT_BAD_TYPE, p);
        } catch (Preempted x) {
            throw new Preempted(PageTypes.putPage(x.state(), mfn));
        }
        Domain d = s.dom(c.domain());
        Vcpu v = d.vcpu(c.vcpu());
        // new_guest_cr3 returns early for the current base (mm.c:3339-3346); otherwise fill_ro_mpt.
        // With m2p_strict the table already has it (init_xen_l4_slots) and Xen leaves it be (:3365).
        if ((!v.hasBaseptr() || v.baseptr() != mfn) && !d.vmAssist(Domain.VMASST_M2P_STRICT)) s = Frames.fillRoMpt(s, mfn);
        d = s.dom(c.domain());
        s = s.withDomain(d.withVcpu(c.vcpu(), v.withBaseptr(mfn).withTlb(TreePMap.empty())));
        if (!v.hasBaseptr()) return s;
        try {
            return PageTypes.putPageAndType(s, v.baseptr(), c, p);
        } catch (Preempted x) {
            throw new Preempted(OldGuestTable.defer(x.state(), c, v.baseptr()));
        }
    }

    /**
     * {@code MMUEXT_NEW_USER_BASEPTR} ({@code mm.c:3689-3745}): the calling vCPU's user root. Asking
     * for the current one does nothing (3704-3705; with no user root that is {@code mfn} 0: this
     * is also how the command finds itself re-issued after a preempted put of the old root); {@code
     * mfn} 0 clears it; any other frame must be the caller's and take the root table type
     * ({@code get_page_and_type_from_mfn(PGT_root_page_table, currd, PTF_preemptible)}, 3709-3710),
     * failing as {@code NEW_BASEPTR} does; its validation preempted, the command is re-issued and
     * the general reference goes again (3712-3720, 1104-1110). Unlike {@code new_guest_cr3} it
     * neither fills the read-only M2P slot nor loads CR3 (the vCPU is in kernel mode). The old
     * root's references go last, preemptibly: preempted, it becomes the vCPU's
     * {@code old_guest_table} and the command is re-issued (3730-3745).
     */
    private static State newUserBaseptr(State s, Caller c, long mfn, Preemption p) {
        Vcpu v = s.dom(c.domain()).vcpu(c.vcpu());
        long old = v.hasUserBaseptr() ? v.userBaseptr() : 0;
        if (old == mfn) return s;
        if (mfn != 0) {
            s = PageTypes.getPage(s, mfn, c.domain(), MMUEXT_NOT_OWNED);
            try {
                s = PageTypes.getPageType(s, mfn, PageType.table(s.config().levels()), MMUEXT_BAD_TYPE, p);
            } catch (Preempted x) {
                throw new Preempted(PageTypes.putPage(x.state(), mfn));
            }
            if (s.dom(c.domain()).vmAssist(Domain.VMASST_M2P_STRICT)) s = Frames.zapRoMpt(s, mfn); // mm.c:3723-3724
        }
        Domain d = s.dom(c.domain());
        s = s.withDomain(d.withVcpu(c.vcpu(), d.vcpu(c.vcpu()).withUserBaseptr(mfn == 0 ? Vcpu.NO_BASEPTR : mfn)));
        if (old == 0) return s;
        try {
            return PageTypes.putPageAndType(s, old, c, p);
        } catch (Preempted x) {
            throw new Preempted(OldGuestTable.defer(x.state(), c, old));
        }
    }

    /**
     * {@code MMUEXT_TLB_FLUSH_MULTI} and {@code MMUEXT_INVLPG_MULTI} ({@code mm.c:3769-3789}): the
     * vCPUs of the mask ({@code vcpumask_to_pcpumask} stops at the first bit past the domain's
     * vCPUs, so higher bits mean nothing) lose all their translations, or {@code va}'s.
     */
    private static State multi(State s, int me, long vcpumask, long va, boolean one) {
        for (int v = 0; v < s.dom(me).vcpus().size() && v < 64; v++) {
            if ((vcpumask >>> v & 1) == 0) continue;
            s = one ? Tlbs.invlpgLocal(s, me, v, va) : Tlbs.flushLocal(s, me, v);
        }
        return s;
    }

    /**
     * {@code MMUEXT_COPY_PAGE} ({@code mm.c:3885-3932}): the source must be the caller's (any
     * type: {@code get_page} only), then the target the caller's and possibly writable (not a page
     * table), as for {@code CLEAR_PAGE}; the target gets the source's words and whose data they are.
     */
    private static State copyPage(State s, int pg, long mfn, long src) {
        require(PgOwner.owns(s, src, pg), MMUEXT_COPY_BAD_SOURCE);
        require(PgOwner.owns(s, mfn, pg) && !PgOwner.sharedXenFrame(pg), MMUEXT_COPY_BAD_TARGET);
        Frame f = s.frame(mfn);
        require(f.typeCount() == 0 || f.type() == PageType.WRITABLE, MMUEXT_COPY_BAD_TARGET);
        Frame from = s.frame(src);
        return s.withFrame(mfn, f.withContents(from.contents()).withDataTag(from.dataTag()));
    }

    /** {@code MMUEXT_CLEAR_PAGE}: zero a frame of the caller that is not a page table. */
    private static State clearPage(State s, int pg, long mfn) {
        require(PgOwner.owns(s, mfn, pg), MMUEXT_NOT_OWNED);
        Frame f = s.frame(mfn);
        require(!PgOwner.sharedXenFrame(pg) && (f.typeCount() == 0 || f.type() == PageType.WRITABLE), MMUEXT_NOT_WRITABLE);
        return s.withFrame(mfn, f.withContents(Words.zero(f.contents().size())).withDataTag(DomId.DOMID_INVALID));
    }
}
