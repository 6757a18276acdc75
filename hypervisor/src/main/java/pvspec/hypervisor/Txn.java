package pvspec.hypervisor;

import pvspec.model.abi.check.Check;
import java.util.concurrent.locks.ReentrantLock;
import pvspec.model.abi.Caller;

/**
 * One hypercall in progress: the locks it holds, its undo journal, the frames it freed, and the
 * journaled stores through which every state change goes. A {@code Txn} is scratch owned by a
 * vCPU and used only while that vCPU's domain lock is held.
 */
final class Txn {
    final Hypervisor hv;
    final FrameTable ft;
    final Checks checks;
    final Journal j = new Journal();
    final Dispatch dispatch = new Dispatch(this);

    Caller caller;
    int me;
    int vcpu;
    Dom dom;

    /** Domain slot locks held (bit per domain id). */
    long held;
    boolean domlistHeld;
    boolean heapHeld;
    /** After a {@link LockRetry}: the locks to start with next time. */
    long wanted;
    /** The check that stopped a batch part-way (its result is a "done" count, not a refusal), or null. */
    Check batchStoppedBy;
    /** Which evaluation of {@code hypercall_preempt_check()} returns true in this call (0: none), and how many were made. */
    private int preemptAt;
    private int preemptEvaluated;

    /** Frames freed by this hypercall: returned to the heap only at commit. */
    private int[] freed = new int[8];
    private int nFreed;

    Txn(Hypervisor hv) {
        this.hv = hv;
        this.ft = hv.ft;
        this.checks = hv.checks;
    }

    void begin(Caller c, Dom d, long heldLocks) {
        caller = c;
        me = c.domain();
        vcpu = c.vcpu();
        dom = d;
        held = heldLocks;
        wanted = heldLocks;
        nFreed = 0;
        batchStoppedBy = null;
        preemptAt = 0;
        preemptEvaluated = 0;
    }

    /** The request's {@code @preempt=N}. */
    void preemptAt(int n) {
        preemptAt = n;
    }

    /** One evaluation of {@code hypercall_preempt_check()}. */
    boolean preemptCheck() {
        return preemptAt > 0 && ++preemptEvaluated == preemptAt;
    }

    // ---------------------------------------------------------------- marks

    long mark() {
        return (long) j.size() << 32 | nFreed;
    }

    void rollback(long mark) {
        j.rollback((int) (mark >>> 32));
        nFreed = (int) mark;
    }

    void rollbackAll() {
        rollback(0);
    }

    // ---------------------------------------------------------------- locks

    /**
     * Hold domain {@code d}'s slot lock (ids outside the slots, such as the owners of free or
     * hypervisor frames, need none). Waiting is allowed only upwards in the lock order; otherwise
     * the lock is tried, and if it is busy the hypercall retries with the larger lock set.
     */
    void need(int d) {
        if (d < 0 || d >= hv.nslots) return;
        long bit = 1L << d;
        if ((held & bit) != 0 || !checks.locksDomain(me, d)) return;
        ReentrantLock l = hv.slotLocks[d];
        boolean inOrder = !domlistHeld && !heapHeld && (held >>> d) == 0;
        if (checks.waitsForLock(inOrder)) {
            l.lock();
        } else if (!l.tryLock()) {
            wanted = held | bit;
            throw LockRetry.INSTANCE;
        }
        held |= bit;
    }

    /** Domain {@code d}, locked, or null if there is none. */
    Dom dom(int d) {
        if (d < 0 || d >= hv.nslots) return null;
        need(d);
        return hv.doms[d];
    }

    /** Domain {@code d}, locked, if it exists and is not dying; else null. */
    Dom alive(int d) {
        Dom x = dom(d);
        return x != null && x.alive() ? x : null;
    }

    /** Hold the lock that guards frame {@code mfn}: its owner's. */
    void needFrame(int mfn) {
        for (;;) {
            int o = ft.owner[mfn];
            need(o);
            if (ft.owner[mfn] == o) return; // owners change only under the owner's lock
        }
    }

    void lockDomlist() {
        if (domlistHeld) return;
        if (heapHeld) throw new IllegalStateException("lock order: domlist after heap");
        hv.domlist.lock();
        domlistHeld = true;
    }

    void lockHeap() {
        if (heapHeld) return;
        hv.heap.lock.lock();
        heapHeld = true;
    }

    /** Make the hypercall's effects final: reap dying domains that own nothing, free frames. */
    void commit() {
        long h = held;
        while (h != 0) {
            int d = Long.numberOfTrailingZeros(h);
            h &= h - 1;
            Dom x = hv.doms[d];
            if (x != null && x.vars[Dom.REL_PRIV] == Dom.PROG_DONE && x.vars[Dom.OWNED] == 0 && !x.grantsNamed()) {
                lockDomlist();
                hv.doms[d] = null;
            }
        }
        if (nFreed > 0) {
            lockHeap();
            for (int i = 0; i < nFreed; i++) hv.heap.give(freed[i]);
            nFreed = 0;
        }
        j.clear();
    }

    /**
     * Release every lock. The scratch is reset first: once the caller's slot lock is released,
     * another hypercall of the same vCPU may take this {@code Txn}.
     */
    void unlockAll() {
        long h = held;
        boolean heap = heapHeld;
        boolean list = domlistHeld;
        held = 0;
        heapHeld = false;
        domlistHeld = false;
        dom = null;
        caller = null;
        if (heap) hv.heap.lock.unlock();
        if (list) hv.domlist.unlock();
        while (h != 0) {
            int d = Long.numberOfTrailingZeros(h);
            h &= h - 1;
            hv.slotLocks[d].unlock();
        }
    }

    // ---------------------------------------------------------------- journaled stores

    void setLong(long[] a, int i, long v) {
        j.longs(a, i, a[i]);
        a[i] = v;
    }

    void setInt(int[] a, int i, int v) {
        j.ints(a, i, a[i]);
        a[i] = v;
    }

    void setObj(Object[] a, int i, Object v) {
        j.objs(a, i, a[i]);
        a[i] = v;
    }

    /** CAS on a frame's {@code count_info}, journaled when it succeeds. */
    boolean casCount(int mfn, long expect, long update) {
        if (!ft.countInfo.compareAndSet(mfn, expect, update)) return false;
        j.atomic(ft.countInfo, mfn, expect);
        return true;
    }

    /** CAS on a frame's {@code type_info}, journaled when it succeeds. */
    boolean casType(int mfn, long expect, long update) {
        if (!ft.typeInfo.compareAndSet(mfn, expect, update)) return false;
        j.atomic(ft.typeInfo, mfn, expect);
        return true;
    }

    void setCountInfo(int mfn, long v) {
        for (;;) if (casCount(mfn, ft.countInfo.get(mfn), v)) return;
    }

    void setTypeInfo(int mfn, long v) {
        for (;;) if (casType(mfn, ft.typeInfo.get(mfn), v)) return;
    }

    void setEntry(int mfn, int i, long v) {
        long[] c = ft.contents[mfn];
        if (c == null) {
            if (v == 0) return;
            c = new long[ft.entries]; // a fresh zero array is the same contents as none
            ft.contents[mfn] = c;
        }
        j.longs(c, i, c[i]);
        c[i] = v;
    }

    /** Zero a frame's contents (scrub, clear_page). */
    void zeroContents(int mfn) {
        if (ft.contents[mfn] != null) setObj(ft.contents, mfn, null);
    }

    void tlbPut(Tlb t, long va, long value) {
        j.tlb(t, va, t.put(va, value));
    }

    void tlbRemove(Tlb t, long va) {
        long o = t.remove(va);
        if (o != Tlb.ABSENT) j.tlb(t, va, o);
    }

    /** Store a port word, keeping the per-vCPU upcall sources exact. */
    void setPort(Dom d, int p, long w) {
        long o = d.ports[p];
        if (Evtchn.signals(o)) addSource(d, Evtchn.notify(o), -1);
        if (Evtchn.signals(w)) addSource(d, Evtchn.notify(w), +1);
        setLong(d.ports, p, w);
    }

    private void addSource(Dom d, int v, int delta) {
        if (v < d.nvcpus) setInt(d.upcallSources, v, d.upcallSources[v] + delta);
    }

    /** Frame {@code mfn} went free: it reaches the heap when the hypercall commits. */
    void freed(int mfn) {
        if (nFreed == freed.length) freed = java.util.Arrays.copyOf(freed, nFreed * 2);
        freed[nFreed++] = mfn;
    }
}
