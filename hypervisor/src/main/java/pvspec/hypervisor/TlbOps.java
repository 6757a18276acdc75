package pvspec.hypervisor;

/**
 * TLB maintenance. The hypervisor flushes on its own where Xen does: the owner's writable
 * translations when a frame becomes a page table ({@code _get_page_type}), every translation when
 * a frame is freed, the mapper's when a grant is unmapped, the owner's after an upper-level
 * {@code mmu_update}; guests flush the rest themselves.
 */
final class TlbOps {
    private TlbOps() {}

    /** Drop every cached translation to {@code mfn}, on every vCPU of every domain. */
    static void forgetFrame(Txn t, int mfn) {
        long doms = t.ft.tlbDoms.get(mfn);
        while (doms != 0) {
            int d = Long.numberOfTrailingZeros(doms);
            doms &= doms - 1;
            Dom x = t.dom(d);
            if (x != null) forgetFrameIn(t, x, mfn);
            else clearBit(t, mfn, d);
        }
    }

    /** Drop domain {@code d}'s translations to {@code mfn}; then its bit in {@code tlbDoms} is stale. */
    static void forgetFrameIn(Txn t, Dom d, int mfn) {
        if (dropTranslations(t, d, mfn, false)) clearBit(t, mfn, d.id);
    }

    /**
     * The flush of a type change ({@code _get_page_type}, mm.c:3025-3058): the frame owner's
     * vCPUs lose their writable translations to {@code mfn}; read-only ones, and other domains',
     * may survive Xen's filtered flush, so they stay (the bit stays set: a superset is allowed).
     */
    static void forgetWritableIn(Txn t, Dom d, int mfn) {
        dropTranslations(t, d, mfn, true);
    }

    /** Drop {@code d}'s translations to {@code mfn} (only writable ones if asked); false if it had none noted. */
    private static boolean dropTranslations(Txn t, Dom d, int mfn, boolean writableOnly) {
        if ((t.ft.tlbDoms.get(mfn) & 1L << d.id) == 0) return false;
        for (int v = 0; v < d.nvcpus; v++) {
            Tlb tlb = d.tlb[v];
            if (tlb.size() == 0) continue;
            long[] keys = tlb.keySlots();
            for (int i = 0; i < keys.length; i++) {
                long e = tlb.valueAt(i);
                if (keys[i] >= 0 && Tlb.mfn(e) == mfn && (!writableOnly || Tlb.writable(e))) t.tlbRemove(tlb, keys[i]);
            }
        }
        return true;
    }

    private static void clearBit(Txn t, int mfn, int d) {
        long bit = 1L << d;
        if ((Journal.orBits(t.ft.tlbDoms, mfn, bit, false) & bit) != 0) t.j.orBits(t.ft.tlbDoms, mfn, bit);
    }

    /** Note that a vCPU of {@code d} now caches a translation to {@code mfn} (CAS: the word is shared). */
    static void noteTranslation(Txn t, int d, long mfn) {
        long bit = 1L << d;
        if ((t.ft.tlbDoms.get((int) mfn) & bit) != 0) return;
        if (t.checks.setsTlbHolderAtomically()) Journal.orBits(t.ft.tlbDoms, (int) mfn, bit, true);
        else t.ft.tlbDoms.set((int) mfn, t.ft.tlbDoms.get((int) mfn) | bit); // seeded race: a lost update
    }

    static void flushLocal(Txn t, Dom d, int v) {
        if (d.tlb[v].size() != 0) t.setObj(d.tlb, v, new Tlb());
    }

    static void flushAll(Txn t, Dom d) {
        for (int v = 0; v < d.nvcpus; v++) flushLocal(t, d, v);
    }

    static void invlpgLocal(Txn t, Dom d, int v, long va) {
        t.tlbRemove(d.tlb[v], va);
    }

    static void invlpgAll(Txn t, Dom d, long va) {
        for (int v = 0; v < d.nvcpus; v++) invlpgLocal(t, d, v, va);
    }
}
