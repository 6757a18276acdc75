package pvspec.model.rules;

import static pvspec.model.abi.check.Check.MMUEXT_ALREADY_PINNED;
import static pvspec.model.abi.check.Check.MMUEXT_BAD_TYPE;
import static pvspec.model.abi.check.Check.MMUEXT_COPY_BAD_SOURCE;
import static pvspec.model.abi.check.Check.MMUEXT_COPY_BAD_TARGET;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_OWNED;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_PINNED;
import static pvspec.model.abi.check.Check.MMUEXT_NOT_WRITABLE;
import static pvspec.model.abi.check.Check.MMUEXT_NO_CACHE_FLUSH;
import static pvspec.model.abi.check.Check.MMUEXT_NO_SUPERPAGES;
import static pvspec.model.abi.check.Check.MMUEXT_UNKNOWN_COMMAND;
import static pvspec.model.rules.Refusal.require;

import org.pcollections.TreePMap;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuextOp;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;
import pvspec.model.state.Words;

/**
 * {@code mmuext_op}: pinning and unpinning tables, switching base pointers, TLB and page
 * operations ({@code do_mmuext_op}).
 */
final class MmuextOpRules {
    private MmuextOpRules() {}


    static Outcome apply(State s, Caller c, MmuextOp h) {
        Preemption p = Preemption.at(h.preempt());
        return Batches.runPreemptible(s, c, h.ops(), p, (st, op) -> op(st, c, op, p));
    }

    private static State op(State s, Caller c, MmuextOp.Op op, Preemption preempt) {
        int me = c.domain();
        return op.accept(new MmuextOp.Op.Visitor<>() {
            @Override
            public State pin(MmuextOp.Pin p) {
                // mm.c:3565-3567: pinning a level the machine does not have is ignored (rc = 0).
                if (p.level() < 1 || p.level() > s.config().levels()) return s;
                return MmuextOpRules.pin(s, me, p.mfn(), PageType.table(p.level()), preempt);
            }

            @Override public State unpin(MmuextOp.Unpin x) { return MmuextOpRules.unpin(s, c, x.mfn(), preempt); }
            @Override public State newBaseptr(MmuextOp.NewBaseptr x) { return MmuextOpRules.newBaseptr(s, c, x.mfn(), preempt); }
            @Override public State tlbFlushLocal(MmuextOp.TlbFlushLocal x) { return Tlbs.flushLocal(s, me, c.vcpu()); }
            @Override public State invlpgLocal(MmuextOp.InvlpgLocal x) { return Tlbs.invlpgLocal(s, me, c.vcpu(), x.va()); }
            @Override public State tlbFlushAll(MmuextOp.TlbFlushAll x) { return Tlbs.flushAll(s, me); }
            @Override public State invlpgAll(MmuextOp.InvlpgAll x) { return Tlbs.invlpgAll(s, me, x.va()); }
            @Override public State clearPage(MmuextOp.ClearPage x) { return MmuextOpRules.clearPage(s, me, x.mfn()); }

            @Override
            public State flushCache(MmuextOp.FlushCache x) {
                require(s.dom(me).privileged(), MMUEXT_NO_CACHE_FLUSH);
                return s;
            }

            @Override public State flushCacheGlobal(MmuextOp.FlushCacheGlobal x) { return flushCache(new MmuextOp.FlushCache()); }
            @Override public State tlbFlushMulti(MmuextOp.TlbFlushMulti x) { return MmuextOpRules.multi(s, me, x.vcpumask(), -1, false); }
            @Override public State invlpgMulti(MmuextOp.InvlpgMulti x) { return MmuextOpRules.multi(s, me, x.vcpumask(), x.va(), true); }
            @Override public State copyPage(MmuextOp.CopyPage x) { return MmuextOpRules.copyPage(s, me, x.mfn(), x.srcMfn()); }
            @Override public State markSuper(MmuextOp.MarkSuper x) { throw Refusal.of(MMUEXT_NO_SUPERPAGES); }
            @Override public State unmarkSuper(MmuextOp.UnmarkSuper x) { throw Refusal.of(MMUEXT_NO_SUPERPAGES); }
            @Override public State unknown(MmuextOp.Unknown x) { throw Refusal.of(MMUEXT_UNKNOWN_COMMAND); }
        });
    }

    /**
     * {@code MMUEXT_PIN_Lx_TABLE}: take the type (validating the whole tree below it if it is not
     * yet a table) and keep a general and a type reference for the pin. A preempted validation
     * drops the reference {@code get_page_from_gfn} took (mm.c:3579-3591): the partial table
     * holds its own.
     */
    private static State pin(State s, int me, long mfn, PageType type, Preemption p) {
        s = PageTypes.getPage(s, mfn, me, MMUEXT_NOT_OWNED);
        try {
            s = PageTypes.getPageType(s, mfn, type, MMUEXT_BAD_TYPE, p);
        } catch (Preempted x) {
            throw new Preempted(PageTypes.putPage(x.state(), mfn));
        } catch (FailedAfter x) {
            // old_guest_table kept it (mm.c:3588); its put_old_guest_table drops it (mm.c:3204).
            throw x.with(PageTypes.putPage(x.state(), mfn));
        }
        Frame f = s.frame(mfn);
        require(!f.pinned(), MMUEXT_ALREADY_PINNED);
        return s.withFrame(mfn, f.withPinned(true));
    }

    /**
     * {@code MMUEXT_UNPIN_TABLE}: drop the pin's references (devalidating if they were the last).
     * A preempted devalidation makes the table the vCPU's {@code old_guest_table}, which keeps the
     * pin's general reference; the command itself is done (rc = 0, mm.c:3657-3670).
     */
    private static State unpin(State s, Caller c, long mfn, Preemption p) {
        require(s.validMfn(mfn) && s.frame(mfn).owner() == c.domain(), MMUEXT_NOT_OWNED);
        Frame f = s.frame(mfn);
        require(f.pinned(), MMUEXT_NOT_PINNED);
        try {
            return PageTypes.putPageAndType(s.withFrame(mfn, f.withPinned(false)), mfn, p);
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
        } catch (FailedAfter x) {
            throw x.with(PageTypes.putPage(x.state(), mfn));
        }
        Domain d = s.dom(c.domain());
        Vcpu v = d.vcpu(c.vcpu());
        // new_guest_cr3 returns early for the current base (mm.c:3339-3346); otherwise fill_ro_mpt.
        if (!v.hasBaseptr() || v.baseptr() != mfn) s = Frames.fillRoMpt(s, mfn);
        d = s.dom(c.domain());
        s = s.withDomain(d.withVcpu(c.vcpu(), v.withBaseptr(mfn).withTlb(TreePMap.empty())));
        if (!v.hasBaseptr()) return s;
        try {
            return PageTypes.putPageAndType(s, v.baseptr(), p);
        } catch (Preempted x) {
            throw new Preempted(OldGuestTable.defer(x.state(), c, v.baseptr()));
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
    private static State copyPage(State s, int me, long mfn, long src) {
        require(s.validMfn(src) && s.frame(src).owner() == me, MMUEXT_COPY_BAD_SOURCE);
        require(s.validMfn(mfn) && s.frame(mfn).owner() == me, MMUEXT_COPY_BAD_TARGET);
        Frame f = s.frame(mfn);
        require(f.typeCount() == 0 || f.type() == PageType.WRITABLE, MMUEXT_COPY_BAD_TARGET);
        Frame from = s.frame(src);
        return s.withFrame(mfn, f.withContents(from.contents()).withDataTag(from.dataTag()));
    }

    /** {@code MMUEXT_CLEAR_PAGE}: zero a frame of the caller that is not a page table. */
    private static State clearPage(State s, int me, long mfn) {
        require(s.validMfn(mfn) && s.frame(mfn).owner() == me, MMUEXT_NOT_OWNED);
        Frame f = s.frame(mfn);
        require(f.typeCount() == 0 || f.type() == PageType.WRITABLE, MMUEXT_NOT_WRITABLE);
        return s.withFrame(mfn, f.withContents(Words.zero(f.contents().size())).withDataTag(DomId.DOMID_INVALID));
    }
}
