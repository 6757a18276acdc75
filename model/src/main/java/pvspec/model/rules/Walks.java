package pvspec.model.rules;

import static pvspec.model.rules.Refusal.require;

import java.util.Optional;
import pvspec.model.abi.Pte;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Config;
import pvspec.model.state.Frame;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.Vcpu;

/** Walks of a vCPU's page tables: the MMU's translation, and Xen's lookup of the L1 entry for an address. */
public final class Walks {
    private Walks() {}

    /** The L1 table and slot that map a virtual address. */
    public record L1Slot(long table, int index) {}

    /**
     * The L1 entry that maps {@code va} in the vCPU's current address space (Xen's
     * {@code guest_map_l1e}): every upper entry on the way present and not a superpage, and the
     * L1 a validated L1 table of {@code owner}. Refused with {@code refusal} otherwise.
     */
    static L1Slot l1Slot(State s, Vcpu v, int owner, long va, Check refusal) {
        Config c = s.config();
        require(c.canonical(va) && v.hasBaseptr(), refusal);
        long table = v.baseptr();
        for (int level = c.levels(); level > 1; level--) {
            long e = s.frame(table).entry(c.index(va, level));
            require(Pte.present(e) && !Pte.has(e, PteFlag.PSE) && s.validMfn(Pte.mfn(e)), refusal);
            table = Pte.mfn(e);
        }
        Frame l1 = s.frame(table);
        require(l1.owner() == owner && l1.isTable(1), refusal);
        return new L1Slot(table, c.index(va, 1));
    }

    /**
     * The L1 entry that maps {@code va}, read as Xen's {@code guest_get_eff_kern_l1e} reads it
     * (through the linear map: whatever the upper entries' RW bits), for an address whose
     * {@link #translate} found every level present.
     */
    static long leafEntry(State s, Vcpu v, long va) {
        Config c = s.config();
        long frame = v.baseptr();
        for (int level = c.levels(); level > 1; level--) frame = Pte.mfn(s.frame(frame).entry(c.index(va, level)));
        return s.frame(frame).entry(c.index(va, 1));
    }

    /**
     * The MMU's translation of {@code va} for a guest access: every level present and
     * user-accessible (a 64-bit PV guest, kernel included, runs in ring 3, so the hypervisor's
     * supervisor-only slots stop it); writable only if every level allows writes.
     */
    public static Optional<TlbEntry> translate(State s, Vcpu v, long va) {
        Config c = s.config();
        if (!c.canonical(va) || !v.hasCurrentRoot()) return Optional.empty();
        long frame = v.currentRoot(); // the root of its mode: guest_table_user in user mode (pv/domain.c:update_cr3)
        boolean writable = true;
        for (int level = c.levels(); level >= 1; level--) {
            long e = s.frame(frame).entry(c.index(va, level));
            if (!Pte.guestWalks(e) || !s.validMfn(Pte.mfn(e))) return Optional.empty();
            writable &= Pte.writable(e);
            frame = Pte.mfn(e);
        }
        return Optional.of(new TlbEntry(frame, writable));
    }
}
