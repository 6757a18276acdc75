package pvspec.model.rules;

import pvspec.model.abi.Caller;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * Xen's {@code __copy_to_guest} for a 64-bit PV caller: a store by the hypervisor, in ring 0, to
 * a linear address of the caller's current address space ({@code __copy_to_guest_pv},
 * asm/uaccess.h:251-274; {@code copy_to_guest_ll}, lib/copy-guest.c:17-34). A linear address is
 * the model's virtual page times 4096 plus a byte offset ({@code PAGE_SHIFT} 12).
 *
 * <p>The store goes through the MMU as the guest's own would ({@link AccessRules}): a TLB entry
 * that permits the write, else the page walk (from the vCPU's current root: a hypercall comes
 * from kernel mode), whose translation is cached; writable only if every level is, since Xen
 * runs with {@code CR0.WP} set. The walk's user bit does not matter to ring 0 ({@code stac()}
 * lifts SMAP), and outside the hypervisor's slots every present guest entry has it anyway
 * ({@code adjust_guest_l*e}), so the guest's walk ({@link Walks#translate}) is Xen's. When
 * neither permits, the #PF drops the address's TLB entry; {@code fixup_page_fault} does not
 * emulate (Xen's own {@code cs} is ring 0, not guest kernel mode: traps.c:1707, asm/regs.h:13-16),
 * the spurious-fault re-walk (traps.c:1774-1787) is the walk already made, and the
 * exception-table fixup makes the copy fail (:1789-1793). A page in the hypervisor's slots stands for Xen's non-canonical hole
 * (a range that starts below it reaches the hole first, x86_64/uaccess.h:41-50): a #GP, fixed up
 * alike. Addresses wrap at the top of the address space, as 64-bit addresses do.
 *
 * <p>A store that succeeds leaves data in the frame: the model keeps no contents for a data
 * frame, only the tag of the owner the data belongs to ({@link Frame#dataTag()}).
 */
final class CopyToGuest {
    private CopyToGuest() {}

    /** The state after the copy, and whether every byte was stored. */
    record Copied(State state, boolean ok) {}

    /**
     * {@code guest_handle_okay(list, n)} of a 64-bit PV caller: {@code access_ok} looks at the
     * start only, whatever the count (x86_64/uaccess.h:47-56): canonical, outside the
     * hypervisor's range; a list running into the range faults on the way instead.
     */
    static boolean handleOkay(State s, long address) {
        long start = address >>> 12;
        return s.config().canonical(start) && !s.config().hypervisorRange(start);
    }

    /**
     * A frame list's {@code n} frame numbers, {@code __copy_to_guest_offset(list, i, &gmfn, 1)}
     * for {@code i} from 0: 8 bytes each, in order; the first that faults ends it, those before
     * stay written (setup_table, grant_table.c:2142-2155; get_status_frames, :3437-3444).
     */
    static Copied frameNumbers(State s, Caller c, long list, long n) {
        for (long i = 0; i < n; i++) {
            Copied w = store(s, c, list + 8 * i, 8);
            if (!w.ok()) return w;
            s = w.state();
        }
        return new Copied(s, true);
    }

    /**
     * {@code bytes} bytes at {@code address}: an aligned store of 8 or fewer bytes is one
     * {@code mov} on one page; otherwise {@code rep movsb} stores page after page, and those
     * before a faulting page stay written.
     */
    static Copied store(State s, Caller c, long address, int bytes) {
        Config cfg = s.config();
        long first = Long.remainderUnsigned(address >>> 12, cfg.vaPages());
        long last = Long.remainderUnsigned((address + bytes - 1) >>> 12, cfg.vaPages());
        for (long page = first; ; page = (page + 1) % cfg.vaPages()) {
            State after = storePage(s, c, page);
            if (after == null) return new Copied(dropTranslation(s, c, page), false);
            s = after;
            if (page == last) return new Copied(s, true);
        }
    }

    /** One page written, or null when the store faults. */
    private static State storePage(State s, Caller c, long page) {
        if (s.config().hypervisorRange(page)) return null;
        Domain d = s.dom(c.domain());
        Vcpu v = d.vcpu(c.vcpu());
        TlbEntry hit = v.tlb().get(page);
        TlbEntry t = hit != null && hit.writable() ? hit : Walks.translate(s, v, page).orElse(null);
        if (t == null || !t.writable()) return null;
        s = s.withDomain(d.withVcpu(c.vcpu(), v.withTlb(v.tlb().plus(page, t))));
        Frame f = s.frame(t.mfn());
        return s.withFrame(t.mfn(), f.withDataTag(f.owner()));
    }

    /** A #PF invalidates the faulting address's TLB entries (none for the #GP of the hole). */
    private static State dropTranslation(State s, Caller c, long page) {
        if (s.config().hypervisorRange(page)) return s;
        Domain d = s.dom(c.domain());
        Vcpu v = d.vcpu(c.vcpu());
        if (!v.tlb().containsKey(page)) return s;
        return s.withDomain(d.withVcpu(c.vcpu(), v.withTlb(v.tlb().minus(page))));
    }
}
