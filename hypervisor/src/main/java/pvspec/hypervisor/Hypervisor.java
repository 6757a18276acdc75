package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.NOT_RUNNING;
import static pvspec.model.abi.check.Check.USER_MODE;

import java.util.concurrent.locks.ReentrantLock;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * The executable hypervisor: a mutable, Xen-like implementation of ABI v1 that several vCPU
 * threads may call at once. It never consults the model; {@link #abstractState()} maps its state
 * to the model's so that the two can be compared.
 *
 * <pre>{@code
 * Hypervisor hv = Hypervisor.boot(Config.small());
 * Result r = hv.hypercall(Caller.kernel(0), new Domctl.CreateDomain(4, 1));   // 1
 * State s = hv.abstractState();
 * }</pre>
 *
 * <p>Every hypercall is total (never throws for any request), atomic (a refusal changes nothing;
 * a batch keeps the requests before the refused one) and deterministic, and concurrent calls are
 * serialisable (see the package documentation for the locking).
 */
public final class Hypervisor {
    final Config config;
    final Checks checks;
    final FrameTable ft;
    final Heap heap;
    /** Domains by id; a slot changes only under its slot lock and {@link #domlist}. */
    final Dom[] doms;
    final ReentrantLock[] slotLocks;
    /** Xen's {@code domlist_update_lock}: ordered after every slot lock, before the heap lock. */
    final ReentrantLock domlist = new ReentrantLock();

    final int nslots;
    final int levels;
    final int entries;
    private final long vaPages;
    /** log2(entries) when it is a power of two, else -1. */
    private final int indexShift;


    Hypervisor(Config config, Checks checks) {
        if (checks == null) throw new IllegalArgumentException("checks");
        this.config = config;
        this.checks = checks;
        this.ft = new FrameTable(config.frames(), config.entries());
        this.heap = new Heap(config.frames());
        this.nslots = config.domains();
        this.doms = new Dom[nslots];
        this.slotLocks = new ReentrantLock[nslots];
        for (int i = 0; i < nslots; i++) slotLocks[i] = new ReentrantLock();
        this.levels = config.levels();
        this.entries = config.entries();
        this.vaPages = config.vaPages();
        this.indexShift = Integer.bitCount(entries) == 1 ? Integer.numberOfTrailingZeros(entries) : -1;
    }

    /** The machine at boot, with Xen's checks. */
    public static Hypervisor boot(Config config) {
        return boot(config, new Checks());
    }

    /**
     * The machine at boot: the hypervisor owns the lowest frames, the rest are free, and dom0
     * (privileged, {@code config.vcpus()} vCPUs) holds nothing yet.
     */
    public static Hypervisor boot(Config config, Checks checks) {
        Hypervisor hv = new Hypervisor(config, checks);
        for (int mfn = 0; mfn < config.frames(); mfn++) {
            if (mfn < config.xenFrames()) {
                hv.ft.owner[mfn] = DomId.DOMID_XEN;
                hv.ft.countInfo.set(mfn, FrameTable.countInfo(1, true));
                if (mfn == config.m2pFrame()) {
                    // The read-only M2P: one frame standing for every level, each entry to itself, RO + US.
                    hv.ft.contents[mfn] = new long[config.entries()];
                    java.util.Arrays.fill(hv.ft.contents[mfn], config.m2pEntry());
                }
            } else {
                hv.heap.give(mfn);
            }
        }
        hv.doms[DomId.DOM0] = new Dom(hv, DomId.DOM0, true, config.frames(), config.vcpus());
        return hv;
    }

    /** The hypervisor whose abstract state is {@code s}, with Xen's checks. */
    public static Hypervisor fromModel(State s) {
        return fromModel(s, new Checks());
    }

    /** The hypervisor whose abstract state is {@code s} (a reachable model state), with {@code checks}. */
    public static Hypervisor fromModel(State s, Checks checks) {
        return Concretion.of(s, checks);
    }

    public Config config() {
        return config;
    }

    public Checks checks() {
        return checks;
    }

    /**
     * Bytes of frame-table metadata per frame (40; plus one bit of the heap's free bitmap).
     * Page-table contents (8 bytes per entry) are allocated only for frames that hold non-zero
     * words, in practice the page tables.
     */
    public static int metadataBytesPerFrame() {
        return FrameTable.metadataBytesPerFrame();
    }

    /** The model state this hypervisor state represents (the refinement mapping). Takes every lock. */
    public State abstractState() {
        lockEverything();
        try {
            return Abstraction.of(this);
        } finally {
            unlockEverything();
        }
    }

    /**
     * Issue {@code request} from {@code caller}; returns what the guest gets back. Thread-safe:
     * each call holds the locks of the domains it touches (see the package documentation).
     */
    public Result hypercall(Caller caller, Hypercall request) {
        return call(caller, request).result();
    }

    /**
     * Issue {@code request} from {@code caller}; returns what the guest gets back and, for a
     * refusal, the check that made it. Thread-safe, as {@link #hypercall}.
     */
    public Reply call(Caller caller, Hypercall request) {
        int d = caller.domain();
        if (d < 0 || d >= nslots) return refused(request, NOT_RUNNING);
        long want = LockPlan.of(this, caller, request);
        for (;;) {
            lockAscending(want);
            Dom dom = doms[d];
            int v = caller.vcpu();
            if (dom == null || !dom.running() || !dom.hasVcpu(v) || dom.blocked(v)) {
                unlockMask(want);
                return refused(request, NOT_RUNNING);
            }
            if (!checks.allowedInMode(request, caller.mode())) {
                unlockMask(want);
                return refused(request, USER_MODE);
            }
            // A kernel-mode request from user mode entered the kernel first (entry.S lstar_enter), whatever its outcome.
            if (caller.mode() == pvspec.model.abi.Mode.KERNEL) ModeOps.enterKernelForRequest(dom, v, checks);
            Txn t = dom.txn[v];
            t.begin(caller, dom, want);
            try {
                Result r = t.dispatch.run(request);
                Check stoppedBy = t.batchStoppedBy;
                t.commit();
                return stoppedBy == null ? Reply.of(r) : Reply.refused(r, stoppedBy);
            } catch (Refused r) {
                t.rollbackAll();
                t.commit();
                return refused(request, r.check);
            } catch (FailedAfter r) { // refused; the taken-over partial table is torn down
                t.rollbackAll();
                r.tearDown(t);
                t.commit();
                return refused(request, r.check);
            } catch (LockRetry e) {
                t.rollbackAll();
                want |= t.wanted; // and go round again, holding more
            } catch (RuntimeException | Error e) {
                t.rollbackAll(); // a hypervisor bug: leave the state as it was and report it
                t.commit();
                throw e;
            } finally {
                t.unlockAll();
            }
        }
    }

    /** A refusal before any batch entry ran is reported as "0 done" by batch hypercalls. */
    private static Reply refused(Hypercall h, Check c) {
        return refusal(h, c);
    }

    /** The reply of {@code h} refused by {@code c} (a multicall's entries are answered so too). */
    static Reply refusal(Hypercall h, Check c) {
        return Reply.refused(h.isBatch() && c.returnsErrno() ? new Result.Partial(c.errno(), 0) : c.result(), c);
    }

    private void lockAscending(long mask) {
        long m = mask;
        while (m != 0) {
            int i = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            slotLocks[i].lock();
        }
    }

    private void unlockMask(long mask) {
        long m = mask;
        while (m != 0) {
            int i = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            slotLocks[i].unlock();
        }
    }

    long allSlots() {
        return nslots == 64 ? -1L : (1L << nslots) - 1;
    }

    private void lockEverything() {
        lockAscending(allSlots());
        domlist.lock();
        heap.lock.lock();
    }

    private void unlockEverything() {
        heap.lock.unlock();
        domlist.unlock();
        unlockMask(allSlots());
    }

    // ------------------------------------------------------------ address-space geometry

    boolean canonical(long va) {
        return va >= 0 && va < vaPages;
    }

    /** The index a canonical {@code va} selects in a level-{@code level} table. */
    int index(long va, int level) {
        if (indexShift >= 0) return (int) (va >>> (indexShift * (level - 1))) & (entries - 1);
        long v = va;
        for (int i = 1; i < level; i++) v /= entries;
        return (int) (v % entries);
    }

    /** Whether slot {@code i} of a level-{@code level} table is the guest's. */
    boolean guestSlot(int level, int i) {
        return level != levels || !config.reserved(i);
    }

    /**
     * The hypervisor's own entry in reserved top-level slot {@code slot} at validation: its frame,
     * supervisor-only; the read-only M2P slot filled only for an owner with m2p_strict (else by
     * {@code NEW_BASEPTR}): {@code init_xen_l4_slots}, mm.c:1662-1665, 1837-1838.
     */
    long hypervisorEntry(int slot, boolean m2pStrict) {
        if (slot == config.m2pSlot()) return m2pStrict ? config.m2pEntry() : Pte.NONE;
        return Pte.make(config.xenFrameForSlot(slot), PteFlag.P, PteFlag.RW);
    }
}
