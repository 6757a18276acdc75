package pvspec.model.invariant;

import pvspec.model.abi.Pte;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Maptrack;
import pvspec.model.state.PageType;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/**
 * The references a state's structures hold on each frame, counted from their causes: the
 * allocation, pins, base pointers, GDT frames, and present entries of validated tables (a table mapping
 * itself holds nothing). A grant PTE counts as the entry it is: the references its map took
 * belong to it (grant_table.c:unmap_common_complete drops them when the PTE is cleared,
 * mm.c:put_page_from_l1e when an ordinary update replaces it); a maptrack entry holds only its
 * device part's (unmap_common_complete and gnttab_release_mappings drop them). Also
 * the types those references demand, and Xen's {@code linear_pt_count}. A partially (de)validated
 * table counts as Xen counts it: its partial state holds a type and a general reference, its
 * entries below {@code nr_validated_ptes} theirs, the entry at it a general one if
 * {@code partial_flags} says so; a vCPU's {@code old_guest_table} a general one.
 */
public final class RefCensus {
    private final int[] count;
    private final int[] typeCount;
    private final int[] linear;
    /** Bit {@code t.ordinal()} set when some type reference demands type {@code t}. */
    private final int[] demanded;

    private RefCensus(int n) {
        count = new int[n];
        typeCount = new int[n];
        linear = new int[n];
        demanded = new int[n];
    }

    public static RefCensus of(State s) {
        int n = s.frames().size();
        RefCensus c = new RefCensus(n);
        for (int mfn = 0; mfn < n; mfn++) {
            Frame f = s.frame(mfn);
            if (f.allocated()) c.count[mfn]++;
            if (f.pinned()) c.typed(mfn, f.type());
            if (f.isTable()) c.entries(s, mfn, f, f.contents().size());
            // PGT_partial holds the type reference and a general one (get_page_light, mm.c:2673-2676,
            // 2773-2779); only the entries below nr_validated_ptes hold theirs.
            if (f.partial()) {
                c.typed(mfn, f.type());
                c.entries(s, mfn, f, f.nrValidated());
                if (f.partialSet()) c.partialChild(s, mfn, f);
            }
        }
        for (Domain d : s.domains().values()) {
            for (Vcpu v : d.vcpus()) {
                for (long root : v.roots()) if (s.validMfn(root)) c.typed(root, PageType.table(s.config().levels()));
                for (long g : v.descriptors().gdtFrames()) if (s.validMfn(g)) c.typed(g, PageType.SEG_DESC); // pv_set_gdt's get_page_and_type
                // old_guest_table keeps a general reference until put_old_guest_table (mm.c:3204).
                if (v.hasOldGuestTable() && s.validMfn(v.oldGuestTable())) c.count[(int) v.oldGuestTable()]++;
            }
            for (Maptrack m : d.maptrack().values()) {
                if (!m.device() || !s.validMfn(m.frame())) continue;
                if (m.readonly()) c.count[(int) m.frame()]++;
                else c.typed(m.frame(), PageType.WRITABLE);
            }
        }
        return c;
    }

    private void entries(State s, int mfn, Frame table, int upto) {
        int level = table.type().level();
        for (int i = 0; i < upto && i < table.contents().size(); i++) {
            long e = table.entry(i);
            if (!Pte.present(e) || (level == s.config().levels() && s.config().reserved(i))) continue;
            long target = Pte.mfn(e);
            if (!s.validMfn(target)) continue; // INV-4 reports it
            if (level == 1) {
                if (Pte.writable(e)) typed(target, PageType.WRITABLE);
                else count[(int) target]++;
            } else if (target == mfn) {
                continue; // a table mapping itself (linear) holds no reference
            } else if (s.frame(target).type() == table.type()) {
                typed(target, table.type());
                linear[mfn]++;
                linear[(int) target]--;
            } else {
                typed(target, PageType.table(level - 1));
            }
        }
    }

    /**
     * {@code PTF_partial_set}: the entry at {@code nr_validated_ptes} holds a general reference to
     * the child whose (de)validation it left partial, no type reference (asm/mm.h:246-270), and
     * no linear count (dropped with the put that was preempted, mm.c:2749-2755).
     */
    private void partialChild(State s, int mfn, Frame table) {
        if (table.nrValidated() >= table.contents().size()) return; // INV-2 reports it
        long e = table.entry(table.nrValidated());
        if (Pte.present(e) && s.validMfn(Pte.mfn(e)) && Pte.mfn(e) != mfn) count[(int) Pte.mfn(e)]++;
    }

    /** A general and a type reference demanding type {@code t}. */
    private void typed(long mfn, PageType t) {
        count[(int) mfn]++;
        typeCount[(int) mfn]++;
        demanded[(int) mfn] |= 1 << t.ordinal();
    }

    public int count(long mfn) {
        return count[(int) mfn];
    }

    public int typeCount(long mfn) {
        return typeCount[(int) mfn];
    }

    public int linear(long mfn) {
        return linear[(int) mfn];
    }

    /** Whether some type reference on {@code mfn} demands type {@code t}. */
    public boolean demands(long mfn, PageType t) {
        return (demanded[(int) mfn] & (1 << t.ordinal())) != 0;
    }

    /** Whether some type reference on {@code mfn} demands a type other than {@code t}. */
    public boolean demandsOtherThan(long mfn, PageType t) {
        return (demanded[(int) mfn] & ~(1 << t.ordinal())) != 0;
    }
}
