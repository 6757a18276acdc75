package pvspec.hypervisor;

/**
 * A vCPU's deferred put ({@code old_guest_table}, mm.c:3177-3214): finished at the start of its
 * next {@code mmuext_op} or {@code mmu_update}, or when its domain dies.
 */
final class OldGuest {
    private OldGuest() {}

    static boolean held(Txn t) {
        return t.dom.oldGuestTable[t.vcpu] != Dom.NO_BASEPTR;
    }

    /** {@code put_old_guest_table} of {@code t.dom}'s vCPU {@code v}; {@link Preempt} leaves it pending. */
    static void put(Txn t, int v, boolean preemptible) {
        put(t, t.dom, v, preemptible);
    }

    static void put(Txn t, Dom d, int v, boolean preemptible) {
        long mfn = d.oldGuestTable[v];
        if (mfn == Dom.NO_BASEPTR) return;
        PageRefs.putPartial(t, (int) mfn, preemptible);
        t.setLong(d.oldGuestTable, v, Dom.NO_BASEPTR);
        PageRefs.putPage(t, (int) mfn);
    }
}
