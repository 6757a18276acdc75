package pvspec.model.rules;

import java.util.Optional;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Pte;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/**
 * A guest memory access (not a hypercall): the MMU uses a TLB entry that permits the access,
 * or walks the page tables and caches the result; if neither permits it, the translation is
 * dropped (a page fault invalidates the faulting address's TLB entries) and Xen's page-fault
 * handler decides: it emulates a kernel's write to its own L1 table ({@link #ptwr}, writable page
 * tables), or bounces the fault to the guest kernel. A write to memory leaves data in the frame,
 * tagged with the frame's owner, so that a frame handed to another domain unscrubbed would show.
 */
final class AccessRules {
    private AccessRules() {}

    static Outcome apply(State s, Caller c, Access a) {
        Domain d = s.dom(c.domain());
        Vcpu v = d.vcpu(c.vcpu());
        TlbEntry hit = v.tlb().get(a.va());
        Optional<TlbEntry> walk = hit != null && (hit.writable() || !a.write()) ? Optional.of(hit) : Walks.translate(s, v, a.va());
        Optional<TlbEntry> t = walk.filter(e -> e.writable() || !a.write());
        if (t.isEmpty()) {
            s = s.withDomain(d.withVcpu(c.vcpu(), v.withTlb(v.tlb().minus(a.va()))));
            // A write that found a translation faults with PFEC_page_present set (a protection fault).
            if (a.write() && walk.isPresent()) {
                State emulated = ptwr(s, c, a);
                if (emulated != null) return Outcome.of(emulated, Result.OK);
            }
            return Outcome.of(TrapRules.deliverFault(s, c, TrapRules.PAGE_FAULT), Result.FAULT);
        }
        s = s.withDomain(d.withVcpu(c.vcpu(), v.withTlb(v.tlb().plus(a.va(), t.get()))));
        if (a.write()) {
            Frame f = s.frame(t.get().mfn());
            s = s.withFrame(t.get().mfn(), f.withDataTag(f.owner()));
        }
        return Outcome.of(s, Result.OK);
    }

    /**
     * Writable page tables: the state after Xen emulates the faulting write, or null when it does
     * not (then the guest gets the #PF). In Xen's order:
     * <ul>
     * <li>{@code fixup_page_fault} (traps.c:1707-1723): a kernel-mode write, a protection fault,
     *     and {@code VM_ASSIST(d, writable_pagetables)}; for the hardware domain (dom0) the
     *     read-only-MMIO path reaches the same emulation without the assist (:1719-1722,
     *     ro-page-fault.c:439-444: no RAM frame is in {@code mmio_ro_ranges});</li>
     * <li>{@code pv_ro_page_fault} (ro-page-fault.c:432-437): the kernel's L1 entry for the
     *     address is present and read-only;</li>
     * <li>{@code ptwr_do_page_fault} (:278-291): the frame it maps is the writer's
     *     ({@code get_page_from_mfn}), a validated table ({@code page_lock}) of type L1;</li>
     * <li>{@code ptwr_emulated_update} (:85-92): a naturally aligned 8-byte store within the page
     *     (the model's page is {@code entries} words);</li>
     * <li>the new entry, if present, takes its references as {@code get_page_from_l1e(nl1e, d, d)}
     *     (:145-173; any failure is {@code X86EMUL_UNHANDLEABLE} for a 64-bit guest), with no fast
     *     path; a non-present one passes {@code pv_l1tf_check_l1e} (:138-141: the model's CPU is
     *     not L1TF-vulnerable);</li>
     * <li>it is stored adjusted ({@code adjust_guest_l1e}, :176) and the old entry is put
     *     ({@code put_page_from_l1e(ol1e, d)}, :212: a grant PTE's #GP included).</li>
     * </ul>
     * Nothing is flushed: like {@code mod_l1_entry}, the write leaves other translations to the guest.
     */
    private static State ptwr(State s, Caller c, Access a) {
        Domain d = s.dom(c.domain());
        if (c.mode() != Mode.KERNEL) return null;
        if (!d.vmAssist(Domain.VMASST_WRITABLE_PAGETABLES) && !d.privileged()) return null;
        long pte = Walks.leafEntry(s, d.vcpu(c.vcpu()), a.va());
        if (!Pte.present(pte) || Pte.writable(pte)) return null;
        long table = Pte.mfn(pte);
        Frame l1 = s.frame(table);
        if (l1.owner() != c.domain() || l1.count() == 0 || !l1.isTable(1)) return null;
        int entries = s.config().entries();
        if (a.offset() < 0 || a.offset() >= entries * 8L || a.offset() % 8 != 0) return null;
        int index = (int) (a.offset() / 8);
        long val = a.value();
        try {
            if (Pte.present(val)) s = PageTypes.getPageFromL1e(s, val, table, c.domain());
        } catch (Refusal r) {
            return null;
        }
        val = Pte.adjustForGuest(val, 1, s.config().levels() == 1);
        long old = s.frame(table).entry(index);
        s = EntryUpdates.write(s, table, index, val);
        return PageTypes.putPageFromL1e(s, old, table, c);
    }
}
