package pvspec.model.rules;

import static pvspec.model.abi.check.Check.L1_DISALLOWED_FLAGS;
import static pvspec.model.abi.check.Check.L1_NOT_OWNED;
import static pvspec.model.abi.check.Check.L1_NOT_RAM;
import static pvspec.model.abi.check.Check.L1_NOT_WRITABLE;
import static pvspec.model.abi.check.Check.LINEAR_CHAIN;
import static pvspec.model.abi.check.Check.LINEAR_FOREIGN;
import static pvspec.model.abi.check.Check.LINEAR_WRITABLE;
import static pvspec.model.abi.check.Check.UPPER_BAD_TYPE;
import static pvspec.model.abi.check.Check.UPPER_DISALLOWED_FLAGS;
import static pvspec.model.abi.check.Check.UPPER_NOT_OWNED;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Pte;
import pvspec.model.abi.check.Check;
import pvspec.model.state.Frame;
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
     * TLB entries reaching it are flushed if it becomes a page table, and its contents are
     * validated.
     */
    static State getPageType(State s, long mfn, PageType type, Check badType) {
        Frame f = s.frame(mfn);
        if (f.typeCount() > 0) {
            require(f.type() == type, badType);
            return s.withFrame(mfn, f.withType(type, f.typeCount() + 1));
        }
        s = s.withFrame(mfn, f.withType(type, 1));
        if (!type.isPageTable()) return s;
        s = Tlbs.forgetFrame(s, mfn);
        return validate(s, mfn, type.level());
    }

    /** {@code put_page_type}: one type reference fewer; the last one of a page table devalidates it. */
    static State putPageType(State s, long mfn) {
        Frame f = s.frame(mfn);
        s = s.withFrame(mfn, f.withType(f.type(), f.typeCount() - 1));
        if (f.typeCount() > 1 || !f.type().isPageTable()) return s;
        return devalidate(s, mfn, f.type().level(), f.contents());
    }

    /** Both references, dropped together ({@code put_page_and_type}). */
    static State putPageAndType(State s, long mfn) {
        return putPage(putPageType(s, mfn), mfn);
    }

    // Validation.

    /** Every present guest entry of the table takes its references; a top-level table then gets the hypervisor's slots. */
    private static State validate(State s, long mfn, int level) {
        Words contents = s.frame(mfn).contents();
        int owner = s.frame(mfn).owner();
        for (int i = 0; i < contents.size(); i++) {
            long e = contents.get(i);
            if (!Pte.present(e) || !Frames.guestSlot(s, level, i)) continue;
            s = getPageFromEntry(s, e, mfn, level, owner);
        }
        return level == s.config().levels() ? Frames.writeHypervisorSlots(s, mfn) : s;
    }

    /** Every present guest entry of the former table drops the references it held. */
    private static State devalidate(State s, long mfn, int level, Words contents) {
        for (int i = 0; i < contents.size(); i++) {
            long e = contents.get(i);
            if (!Pte.present(e) || !Frames.guestSlot(s, level, i)) continue;
            s = putPageFromEntry(s, e, mfn, level);
        }
        return s;
    }

    // Entries.

    /**
     * {@code get_page_from_l1e}: a present L1 entry maps a RAM frame of {@code pgOwner}; if it
     * is writable, the frame takes the writable type, which fails if it is a page table.
     */
    static State getPageFromL1e(State s, long e, int pgOwner) {
        require(Pte.disallowed(e, Pte.L1_ALLOWED) == 0, L1_DISALLOWED_FLAGS);
        long mfn = Pte.mfn(e);
        require(s.validMfn(mfn), L1_NOT_RAM);
        s = getPage(s, mfn, pgOwner, L1_NOT_OWNED);
        return Pte.writable(e) ? getPageType(s, mfn, PageType.WRITABLE, L1_NOT_WRITABLE) : s;
    }

    /** {@code put_page_from_l1e}. */
    static State putPageFromL1e(State s, long e) {
        if (!Pte.present(e)) return s;
        long mfn = Pte.mfn(e);
        return Pte.writable(e) ? putPageAndType(s, mfn) : putPage(s, mfn);
    }

    /**
     * {@code get_page_from_l2e/l3e/l4e}: a present entry of a level-{@code level} table points
     * to a frame of the table's owner that is, or now becomes, a table of level {@code level-1}.
     * If that is impossible, it may still be a linear entry ({@link #getLinear}).
     */
    static State getPageFromUpper(State s, long e, long table, int level) {
        require(Pte.disallowed(e, Pte.UPPER_ALLOWED) == 0, UPPER_DISALLOWED_FLAGS);
        long target = Pte.mfn(e);
        // Xen tries the linear rules whenever the normal typing fails with EINVAL. Only the table
        // itself or an already validated table of this level can pass them (no validation
        // deadlock), and for exactly those targets the normal typing always fails with EINVAL
        // (the target keeps a type other than level-1): so they go to the linear rules, and for
        // every other target the normal typing's refusal is the one the guest sees.
        if (target == table || s.validMfn(target) && s.frame(target).isTable(level)) return getLinear(s, e, table, level);
        s = getPage(s, target, s.frame(table).owner(), UPPER_NOT_OWNED);
        return getPageType(s, target, PageType.table(level - 1), UPPER_BAD_TYPE);
    }

    /**
     * A linear (same-level) entry to the table itself or to a validated table of the same level,
     * by Xen's rules: it is read-only; a table mapping itself takes no reference; otherwise the
     * target has the same owner, and linear use is one level deep (a table holding linear
     * entries is never a linear target, and vice versa).
     */
    private static State getLinear(State s, long e, long table, int level) {
        long target = Pte.mfn(e);
        require(!Pte.writable(e), LINEAR_WRITABLE);
        if (target == table) return s;
        Frame t = s.frame(target);
        Frame tab = s.frame(table);
        require(t.owner() == tab.owner(), LINEAR_FOREIGN);
        require(tab.linearCount() >= 0 && t.linearCount() <= 0, LINEAR_CHAIN);
        s = s.withFrame(table, tab.withLinearCount(tab.linearCount() + 1));
        t = s.frame(target);
        return s.withFrame(target, t.withLinearCount(t.linearCount() - 1).withCount(t.count() + 1)
                .withType(t.type(), t.typeCount() + 1));
    }

    /** {@code put_page_from_l2e/l3e/l4e}: undoes {@link #getPageFromUpper}. */
    static State putPageFromUpper(State s, long e, long table, int level) {
        if (!Pte.present(e)) return s;
        long target = Pte.mfn(e);
        if (target == table) return s;
        if (s.frame(target).type() == PageType.table(level)) {
            Frame tab = s.frame(table);
            s = s.withFrame(table, tab.withLinearCount(tab.linearCount() - 1));
            Frame t = s.frame(target);
            s = s.withFrame(target, t.withLinearCount(t.linearCount() + 1));
        }
        return putPageAndType(s, target);
    }

    /** Take the references of a present entry of a level-{@code level} table. */
    static State getPageFromEntry(State s, long e, long table, int level, int pgOwner) {
        return level == 1 ? getPageFromL1e(s, e, pgOwner) : getPageFromUpper(s, e, table, level);
    }

    /** Drop the references of an entry of a level-{@code level} table. */
    static State putPageFromEntry(State s, long e, long table, int level) {
        return level == 1 ? putPageFromL1e(s, e) : putPageFromUpper(s, e, table, level);
    }
}
