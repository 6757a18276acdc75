package pvspec.model.abi;

import java.util.List;

/**
 * {@code HYPERVISOR_mmu_update}: write page-table entries, or machine-to-phys entries. Requests
 * are processed in order and processing stops at the first refused one.
 *
 * @param requests the entries to write
 * @param foreigndom Xen's 32-bit argument as the guest passes it: its low 16 bits name whose
 *     frames the written L1 entries may map (the page owner: {@link DomId#DOMID_SELF}, or another
 *     domain, {@code DOMID_IO} or {@code DOMID_XEN}); its high 16 bits, when not 0, name the
 *     page-table owner plus one ({@code mm.c:4037-4049}), else the caller owns the tables
 * @param preempt which evaluation of {@code hypercall_preempt_check()} during this call returns
 *     true (1 = the first; 0 = none), as for {@link MmuextOp#preempt()} (trace syntax
 *     {@code @preempt=N})
 */
public record MmuUpdate(List<Request> requests, int foreigndom, int preempt) implements Hypercall {
    /** {@code MMU_NORMAL_PT_UPDATE}: {@code ptr & 7} of a request (public/xen.h). */
    public static final int NORMAL_PT_UPDATE = 0;
    /** {@code MMU_MACHPHYS_UPDATE}: the M2P entry of frame {@code ptr >> 12} becomes {@code val}. */
    public static final int MACHPHYS_UPDATE = 1;
    /** {@code MMU_PT_UPDATE_PRESERVE_AD}: as normal, but the entry keeps its Accessed and Dirty bits. */
    public static final int PT_UPDATE_PRESERVE_AD = 2;
    /** {@code MMU_PT_UPDATE_NO_TRANSLATE}: as normal, without the page owner's p2m translation. */
    public static final int PT_UPDATE_NO_TRANSLATE = 3;

    public MmuUpdate {
        requests = List.copyOf(requests);
    }

    /** The preemption check never fires. */
    public MmuUpdate(List<Request> requests, int foreigndom) {
        this(requests, foreigndom, 0);
    }

    /** The same requests, preempted at the {@code n}-th check. */
    public MmuUpdate preemptedAt(int n) {
        return new MmuUpdate(requests, foreigndom, n);
    }

    public static MmuUpdate of(Request... requests) {
        return new MmuUpdate(List.of(requests), DomId.DOMID_SELF);
    }

    public static MmuUpdate one(long mfn, long index, long val) {
        return of(new Request(mfn, index, val));
    }

    /** The {@code foreigndom} argument naming page owner {@code pgDom} and, if {@code ptOwner >= 0}, page-table owner {@code ptOwner}. */
    public static int foreigndom(int pgDom, int ptOwner) {
        return (ptOwner < 0 ? 0 : ((ptOwner + 1) & 0xFFFF) << 16) | (pgDom & 0xFFFF);
    }

    /** The page owner's id: {@code get_pg_owner((uint16_t)foreigndom)} (mm.c:4051). */
    public int pgDom() {
        return foreigndom & 0xFFFF;
    }

    /** {@code foreigndom >> 16}: 0 for "the caller owns the tables", else the table owner's id plus one. */
    public int ptDom() {
        return foreigndom >>> 16;
    }

    /** The same requests with other domain arguments. */
    public MmuUpdate withForeigndom(int f) {
        return new MmuUpdate(requests, f, preempt);
    }

    /**
     * One request: {@code cmd} is {@code ptr & 7}. For a page-table update ({@link
     * #NORMAL_PT_UPDATE}, {@link #PT_UPDATE_PRESERVE_AD}, {@link #PT_UPDATE_NO_TRANSLATE}, or an
     * unknown 4..7) set entry {@code index} of frame {@code mfn} to {@code val}; for {@link
     * #MACHPHYS_UPDATE} the M2P entry of frame {@code mfn} becomes {@code val} (a guest pfn;
     * {@code index} is 0). (Xen passes the entry's machine address; pvspec names the frame and
     * the slot.)
     */
    public record Request(long mfn, long index, long val, int cmd) {
        public Request {
            if (cmd == MACHPHYS_UPDATE) index = 0; // Xen takes the frame of ptr (maddr_to_mfn): no slot
        }

        public Request(long mfn, long index, long val) {
            this(mfn, index, val, NORMAL_PT_UPDATE);
        }

        /** {@code MMU_MACHPHYS_UPDATE} of frame {@code mfn} to guest pfn {@code gpfn}. */
        public static Request machphys(long mfn, long gpfn) {
            return new Request(mfn, 0, gpfn, MACHPHYS_UPDATE);
        }

        public boolean isMachphys() {
            return cmd == MACHPHYS_UPDATE;
        }

        /** The request with another frame and value (the checker's frame renaming). */
        public Request with(long newMfn, long newVal) {
            return new Request(newMfn, index, newVal, cmd);
        }
    }

    /** A batch: refused entries report how many before them were done. */
    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public String kind() {
        return "mmu_update";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.mmuUpdate(this);
    }
}
