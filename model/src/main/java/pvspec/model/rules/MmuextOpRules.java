package pvspec.model.rules;

import static pvspec.model.abi.Errno.EACCES;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EOPNOTSUPP;
import static pvspec.model.rules.Refusal.require;

import java.util.List;
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

    static final Refusal NOT_OWNED = Refusal.of(EINVAL, "the frame is not the caller's");
    /** The type is in use as something else, or the contents do not validate as that level. */
    static final Refusal BAD_TYPE = Refusal.of(EINVAL, "the frame is in use as something other than a table of that level");
    /** Pins do not nest. */
    static final Refusal ALREADY_PINNED = Refusal.of(EINVAL, "the table is already pinned");
    static final Refusal NOT_PINNED = Refusal.of(EINVAL, "the table is not pinned");
    /** {@code MMUEXT_CLEAR_PAGE} takes the writable type for the duration. */
    static final Refusal NOT_WRITABLE = Refusal.of(EINVAL, "only a frame that could be mapped writable (not a page table) can be cleared");
    static final Refusal NO_CACHE_FLUSH = Refusal.of(EACCES, "flushing caches needs I/O privilege, which only the control domain has");
    static final Refusal NO_SUPERPAGES = Refusal.of(EOPNOTSUPP, "PV superpages were removed from Xen");
    static final Refusal UNKNOWN_COMMAND = Refusal.of(ENOSYS, "no such mmuext command in ABI v1");

    static final List<Refusal> REFUSALS = List.of(NOT_OWNED, BAD_TYPE, ALREADY_PINNED, NOT_PINNED, NOT_WRITABLE,
            NO_CACHE_FLUSH, NO_SUPERPAGES, UNKNOWN_COMMAND);

    static Outcome apply(State s, Caller c, MmuextOp h) {
        return Batches.run(s, h.ops(), (st, op) -> op(st, c, op));
    }

    private static State op(State s, Caller c, MmuextOp.Op op) {
        int me = c.domain();
        if (op instanceof MmuextOp.Pin) {
            MmuextOp.Pin p = (MmuextOp.Pin) op;
            // mm.c:3565-3567: pinning a level the machine does not have is ignored (rc = 0).
            if (p.level() < 1 || p.level() > s.config().levels()) return s;
            return pin(s, me, p.mfn(), PageType.table(p.level()));
        }
        if (op instanceof MmuextOp.Unpin) return unpin(s, me, ((MmuextOp.Unpin) op).mfn());
        if (op instanceof MmuextOp.NewBaseptr) return newBaseptr(s, c, ((MmuextOp.NewBaseptr) op).mfn());
        if (op instanceof MmuextOp.TlbFlushLocal) return Tlbs.flushLocal(s, me, c.vcpu());
        if (op instanceof MmuextOp.InvlpgLocal) return Tlbs.invlpgLocal(s, me, c.vcpu(), ((MmuextOp.InvlpgLocal) op).va());
        if (op instanceof MmuextOp.TlbFlushAll) return Tlbs.flushAll(s, me);
        if (op instanceof MmuextOp.InvlpgAll) return Tlbs.invlpgAll(s, me, ((MmuextOp.InvlpgAll) op).va());
        if (op instanceof MmuextOp.ClearPage) return clearPage(s, me, ((MmuextOp.ClearPage) op).mfn());
        if (op instanceof MmuextOp.FlushCache) {
            require(s.dom(me).privileged(), NO_CACHE_FLUSH);
            return s;
        }
        if (op instanceof MmuextOp.MarkSuper || op instanceof MmuextOp.UnmarkSuper) throw NO_SUPERPAGES;
        throw UNKNOWN_COMMAND;
    }

    /**
     * {@code MMUEXT_PIN_Lx_TABLE}: take the type (validating the whole tree below it if it is not
     * yet a table) and keep a general and a type reference for the pin.
     */
    private static State pin(State s, int me, long mfn, PageType type) {
        s = PageTypes.getPage(s, mfn, me, NOT_OWNED);
        s = PageTypes.getPageType(s, mfn, type, BAD_TYPE);
        Frame f = s.frame(mfn);
        require(!f.pinned(), ALREADY_PINNED);
        return s.withFrame(mfn, f.withPinned(true));
    }

    /** {@code MMUEXT_UNPIN_TABLE}: drop the pin's references (devalidating if they were the last). */
    private static State unpin(State s, int me, long mfn) {
        require(s.validMfn(mfn) && s.frame(mfn).owner() == me, NOT_OWNED);
        Frame f = s.frame(mfn);
        require(f.pinned(), NOT_PINNED);
        return PageTypes.putPageAndType(s.withFrame(mfn, f.withPinned(false)), mfn);
    }

    /**
     * {@code MMUEXT_NEW_BASEPTR}: the calling vCPU runs on a new top-level table, which takes a
     * general and a type reference; the old one drops its own. Loading CR3 flushes the TLB.
     */
    private static State newBaseptr(State s, Caller c, long mfn) {
        s = PageTypes.getPage(s, mfn, c.domain(), NOT_OWNED);
        s = PageTypes.getPageType(s, mfn, PageType.table(s.config().levels()), BAD_TYPE);
        Domain d = s.dom(c.domain());
        Vcpu v = d.vcpu(c.vcpu());
        // new_guest_cr3 returns early for the current base (mm.c:3339-3346); otherwise fill_ro_mpt.
        if (!v.hasBaseptr() || v.baseptr() != mfn) s = Frames.fillRoMpt(s, mfn);
        s = s.withDomain(d.withVcpu(c.vcpu(), v.withBaseptr(mfn).withTlb(TreePMap.empty())));
        return v.hasBaseptr() ? PageTypes.putPageAndType(s, v.baseptr()) : s;
    }

    /** {@code MMUEXT_CLEAR_PAGE}: zero a frame of the caller that is not a page table. */
    private static State clearPage(State s, int me, long mfn) {
        require(s.validMfn(mfn) && s.frame(mfn).owner() == me, NOT_OWNED);
        Frame f = s.frame(mfn);
        require(f.typeCount() == 0 || f.type() == PageType.WRITABLE, NOT_WRITABLE);
        return s.withFrame(mfn, f.withContents(Words.zero(f.contents().size())).withDataTag(DomId.DOMID_INVALID));
    }
}
