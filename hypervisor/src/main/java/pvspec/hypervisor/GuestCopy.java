package pvspec.hypervisor;

/**
 * {@code __copy_to_guest} for a 64-bit PV caller: Xen's ring-0 store to a linear address (page
 * times 4096 plus bytes) of the caller's current address space, through the MMU: a TLB entry that
 * permits the write, else the walk (cached); {@code CR0.WP} makes read-only fault. A fault drops
 * the page's TLB entry and the exception-table fixup fails the copy (no ptwr emulation from
 * Xen's own context). A page in the hypervisor's slots is Xen's non-canonical hole: a #GP, no
 * TLB change. A stored page is tagged with its frame's owner (its data is the owner's).
 */
final class GuestCopy {
    private GuestCopy() {}

    /** {@code guest_handle_okay}: the list's start is canonical and outside the hypervisor's range (its count does not matter). */
    static boolean handleOkay(Txn t, long address) {
        long start = address >>> 12;
        return start < t.hv.config.vaPages() && !t.hv.config.hypervisorRange(start);
    }

    /** A frame list's {@code n} 8-byte frame numbers, in order; false at the first that faults (those before stay written). */
    static boolean frameNumbers(Txn t, long list, long n) {
        for (long i = 0; i < n; i++) if (!store(t, list + 8 * i, 8)) return false;
        return true;
    }

    /** Stores {@code bytes} bytes at {@code address}, page by page; false at the first page that faults (those before stay written). */
    static boolean store(Txn t, long address, int bytes) {
        long pages = t.hv.config.vaPages();
        long page = Long.remainderUnsigned(address >>> 12, pages);
        long last = Long.remainderUnsigned((address + bytes - 1) >>> 12, pages);
        for (;;) {
            if (!storePage(t, page)) return false;
            if (page == last) return true;
            page = (page + 1) % pages;
        }
    }

    private static boolean storePage(Txn t, long page) {
        if (t.hv.config.hypervisorRange(page)) return false;
        Dom d = t.dom;
        Tlb tlb = d.tlb[t.vcpu];
        long hit = tlb.get(page);
        long tr = hit != Tlb.ABSENT && Tlb.writable(hit) ? hit : Walker.translate(t, d.currentRoot(t.vcpu), page);
        if (tr == Walker.NO_TRANSLATION || !Tlb.writable(tr) && t.checks.copyToGuestHonoursWriteProtect()) {
            t.tlbRemove(tlb, page);
            return false;
        }
        int mfn = (int) Tlb.mfn(tr);
        t.needFrame(mfn);
        TlbOps.noteTranslation(t, t.me, mfn);
        if (hit != tr) t.tlbPut(tlb, page, tr);
        t.setInt(t.ft.dataTag, mfn, t.ft.owner[mfn]);
        return true;
    }
}
