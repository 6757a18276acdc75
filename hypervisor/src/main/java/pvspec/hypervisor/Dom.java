package pvspec.hypervisor;

import pvspec.model.state.GrantEntry;

/**
 * One domain ({@code struct domain} with its vCPUs, event channels, grant table and maptrack).
 * Every mutable field is an element of a primitive or object array so that the undo journal
 * can restore it; all of it is guarded by the domain's slot lock.
 */
final class Dom {
    // Indices into vars.
    static final int LIFE = 0;
    static final int PAUSED = 1;
    static final int MAX_PAGES = 2;
    /** Frames it holds allocated (Xen's {@code tot_pages}). */
    static final int TOT_PAGES = 3;
    /** Frames it owns, allocated or lingering. */
    static final int OWNED = 4;
    /** Its {@code vm_assist} bits. */
    static final int VM_ASSIST = 5;
    /** Its grant table's frames ({@code nr_grant_frames}): references below {@link #grantEntries()} exist. */
    static final int GRANT_FRAMES = 6;
    /** Its teardown's stage ({@code d->arch.rel_priv}): {@link #PROG_NONE}..{@link #PROG_DONE}. */
    static final int REL_PRIV = 7;
    /** In a {@code relinquish_memory} pass, the first frame (in mfn order) it has not reached. */
    static final int REL_NEXT = 8;
    /** Its grant table's version ({@code gt->gt_version}): 1 or 2. */
    static final int GRANT_VERSION = 9;

    // Teardown stages (the model's Relinquish, in order).
    static final int PROG_NONE = 0;
    static final int PROG_VCPU_PAGETABLES = 1;
    static final int PROG_L4 = 2;
    static final int PROG_L3 = 3;
    static final int PROG_L2 = 4;
    static final int PROG_DONE = 5;

    static final int ALIVE = 0;
    static final int SHUTDOWN = 1;
    static final int DYING = 2;

    // vCPU flag bits.
    static final long BLOCKED = 1;
    static final long UPCALL = 2;
    /** Guest user mode (Xen's {@code TF_kernel_mode} clear): walks start at {@link #userBaseptr}. */
    static final long USER = 4;

    static final long NO_BASEPTR = -1;
    static final int VECTORS = 256;

    final int id;
    final boolean privileged;
    final int nvcpus;
    final long[] vars = new long[10];

    final long[] baseptr;
    /** {@code guest_table_user} per vCPU ({@link #NO_BASEPTR} when null). */
    final long[] userBaseptr;
    /** Xen's {@code old_guest_table} per vCPU ({@link #NO_BASEPTR} when none): a deferred put holding a general reference. */
    final long[] oldGuestTable;
    final long[] vflags;
    final Tlb[] tlb;
    /** Last bounce per vCPU: a model {@code TrapBounce}, or null. */
    final Object[] lastTrap;
    /** Ports per vCPU that are pending and unmasked (the upcall condition). */
    final int[] upcallSources;
    /** Virtual IDT per vCPU (Xen's {@code trap_ctxt}): a {@code TrapInfo} per vector, or null. */
    final Object[][] traps;
    /** Callbacks per vCPU: addresses at {@link #CB_EVENT}..{@link #CB_SYSENTER}, mask bits at {@link #CB_MASKS}. */
    final long[][] callbacks;

    /**
     * Descriptor tables per vCPU: {@link #DT_GDT_ENTS}, {@link #DT_GDT_FRAMES} (how many), {@link
     * #DT_LDT_BASE}, {@link #DT_LDT_ENTS}, then the GDT's frame numbers from {@link #DT_FRAME0}.
     */
    final long[][] descTables;
    static final int DT_GDT_ENTS = 0;
    static final int DT_GDT_FRAMES = 1;
    static final int DT_LDT_BASE = 2;
    static final int DT_LDT_ENTS = 3;
    static final int DT_FRAME0 = 4;
    /** {@code FIRST_RESERVED_GDT_PAGE}: a guest GDT has at most 14 frames. */
    static final int GDT_FRAMES_MAX = 14;

    /** Stack and segment state per vCPU: {@link #SG_KERNEL_SS}..{@link #SG_GS_USER_SEL}. */
    final long[][] segs;
    static final int SG_KERNEL_SS = 0;
    static final int SG_KERNEL_SP = 1;
    static final int SG_FS = 2;
    static final int SG_GS_KERNEL = 3;
    static final int SG_GS_USER = 4;
    static final int SG_GS_USER_SEL = 5;
    /** {@code FLAT_KERNEL_SS} (public/arch-x86/xen-x86_64.h:34,43): the kernel stack selector a domain starts with. */
    static final long FLAT_KERNEL_SS = 0xe02b;

    // Indices into a vCPU's callbacks (mask bits as the model's Callbacks.MASK_*).
    static final int CB_EVENT = 0;
    static final int CB_FAILSAFE = 1;
    static final int CB_SYSCALL = 2;
    static final int CB_SYSCALL32 = 3;
    static final int CB_SYSENTER = 4;
    static final int CB_MASKS = 5;

    final long[] ports;

    final int[] grantFlags;
    final int[] grantDomid;
    final long[] grantFrame;
    /** Active grant counts: mappings, and writable mappings, per reference (Xen's {@code active_grant_entry}). */
    final int[] grantMaps;
    final int[] grantWriteMaps;

    /** Maptrack by handle: a {@link GrantMap}, or null. */
    final GrantMap[] maptrack;

    /** Per-vCPU scratch for the hypercalls it issues (exclusive while the slot lock is held). */
    final Txn[] txn;

    Dom(Hypervisor hv, int id, boolean privileged, long maxPages, int nvcpus) {
        this.id = id;
        this.privileged = privileged;
        this.nvcpus = nvcpus;
        vars[MAX_PAGES] = maxPages;
        baseptr = new long[nvcpus];
        userBaseptr = new long[nvcpus];
        oldGuestTable = new long[nvcpus];
        vflags = new long[nvcpus];
        tlb = new Tlb[nvcpus];
        lastTrap = new Object[nvcpus];
        upcallSources = new int[nvcpus];
        txn = new Txn[nvcpus];
        traps = new Object[nvcpus][VECTORS];
        callbacks = new long[nvcpus][CB_MASKS + 1];
        descTables = new long[nvcpus][DT_FRAME0 + GDT_FRAMES_MAX];
        segs = new long[nvcpus][SG_GS_USER_SEL + 1];
        for (int v = 0; v < nvcpus; v++) {
            baseptr[v] = NO_BASEPTR;
            userBaseptr[v] = NO_BASEPTR;
            oldGuestTable[v] = NO_BASEPTR;
            segs[v][SG_KERNEL_SS] = FLAT_KERNEL_SS;
            tlb[v] = new Tlb();
            txn[v] = new Txn(hv);
        }
        ports = new long[hv.config.ports()];
        ports[0] = Evtchn.RESERVED;
        int grants = hv.config.grants();
        grantFlags = new int[grants];
        grantDomid = new int[grants];
        grantFrame = new long[grants];
        grantMaps = new int[grants];
        grantWriteMaps = new int[grants];
        maptrack = new GrantMap[grants];
        vars[GRANT_FRAMES] = 1; // INITIAL_NR_GRANT_FRAMES
        vars[GRANT_VERSION] = 1;
        grantsPerFrame = hv.config.grantsPerFrame(1);
        grantsPerFrameV2 = hv.config.grantsPerFrame(2);
    }

    /** References per grant-table frame, of a v1 and of a v2 table (a v2 entry is twice as large). */
    private final int grantsPerFrame;
    private final int grantsPerFrameV2;

    /** {@code nr_grant_entries}: the references of its grant table's current frames (the arrays hold the largest table). */
    int grantEntries() {
        return (int) vars[GRANT_FRAMES] * (vars[GRANT_VERSION] == 1 ? grantsPerFrame : grantsPerFrameV2);
    }

    int life() {
        return (int) vars[LIFE];
    }

    boolean alive() {
        return vars[LIFE] != DYING;
    }

    boolean running() {
        return vars[LIFE] == ALIVE && vars[PAUSED] == 0;
    }

    boolean userMode(int v) {
        return (vflags[v] & USER) != 0;
    }

    /** The root vCPU {@code v} walks: {@code guest_table_user} in user mode, {@code guest_table} otherwise. */
    long currentRoot(int v) {
        return userMode(v) ? userBaseptr[v] : baseptr[v];
    }

    boolean blocked(int v) {
        return (vflags[v] & BLOCKED) != 0;
    }

    boolean upcallPending(int v) {
        return (vflags[v] & UPCALL) != 0;
    }

    boolean hasVcpu(int v) {
        return v >= 0 && v < nvcpus;
    }

    boolean hasPort(int p) {
        return p >= 0 && p < ports.length;
    }

    /** Whether some mapping still names one of its grants (its active counts): it is not reaped before they go. */
    boolean grantsNamed() {
        for (int n : grantMaps) if (n != 0) return true;
        return false;
    }

    boolean grantInUse(int ref) {
        int f = grantFlags[ref];
        return (f & GrantEntry.GTF_type_mask) == GrantEntry.GTF_permit_access && (f & (GrantEntry.GTF_reading | GrantEntry.GTF_writing)) != 0;
    }
}
