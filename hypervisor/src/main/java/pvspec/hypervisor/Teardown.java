package pvspec.hypervisor;

import pvspec.model.abi.Result;

/**
 * {@code domain_kill} / {@code domain_relinquish_resources}: the domain stops, its ports close,
 * its grant mappings go; then, from the stage recorded in {@link Dom#REL_PRIV} (Xen's
 * {@code d->arch.rel_priv}), its vCPUs drop their deferred puts and base pointers and
 * {@code relinquish_memory} walks its frames three times (L4, L3, L2), dropping pins and
 * allocations and tearing partial tables down. A preemption check that fires stops the call
 * with {@code -ERESTART} ({@link Dom#REL_NEXT} says where the pass goes on); the re-issued call
 * continues. Frames others still reference linger, owned by the dying domain, until they let go;
 * the domain is gone once its teardown is done and it owns nothing.
 */
final class Teardown {
    private Teardown() {}

    /** {@code XEN_DOMCTL_destroydomain} of {@code d}, {@code hypercall_preempt_check()} firing at its {@code preempt}-th evaluation. */
    static Result kill(Txn t, Dom d, int preempt) {
        if (d.vars[Dom.REL_PRIV] == Dom.PROG_DONE) return Result.OK; // DOMDYING_dead
        if (preempt > 0) t.preemptAt(preempt);
        if (d.alive()) die(t, d);
        try {
            relinquishResources(t, d);
        } catch (Preempt p) {
            return new Result.Restart(0); // do_domctl's continuation of the same call (domctl.c:755-759)
        }
        return Result.OK;
    }

    /** {@code DOMDYING_dying}: its ports and grant mappings go; its vCPUs keep only what the teardown puts. */
    private static void die(Txn t, Dom d) {
        t.setLong(d.vars, Dom.LIFE, Dom.DYING);
        for (int p = 0; p < d.ports.length; p++) EvtchnOps.closePort(t, d, p);
        for (int h = 0; h < d.maptrack.length; h++) if (d.maptrack[h] != null) GrantOps.release(t, d, h);
        for (int v = 0; v < d.nvcpus; v++) {
            t.setLong(d.vflags, v, 0);
            TlbOps.flushLocal(t, d, v);
            if (d.lastTrap[v] != null) t.setObj(d.lastTrap, v, null);
            TrapOps.clearTraps(t, d.traps[v]);
            for (int i = 0; i <= Dom.CB_MASKS; i++) if (d.callbacks[v][i] != 0) t.setLong(d.callbacks[v], i, 0);
            for (int i = 0; i <= Dom.SG_GS_USER_SEL; i++) {
                long initial = i == Dom.SG_KERNEL_SS ? Dom.FLAT_KERNEL_SS : 0;
                if (d.segs[v][i] != initial) t.setLong(d.segs[v], i, initial);
            }
        }
    }

    private static void relinquishResources(Txn t, Dom d) {
        if (d.vars[Dom.REL_PRIV] <= Dom.PROG_VCPU_PAGETABLES) {
            progress(t, d, Dom.PROG_VCPU_PAGETABLES, 0);
            for (int v = 0; v < d.nvcpus; v++) vcpuDestroyPagetables(t, d, v);
            for (int v = 0; v < d.nvcpus; v++) DescOps.destroyGdt(t, d, v);
            progress(t, d, Dom.PROG_L4, 0);
        }
        for (int pass = Dom.PROG_L4; pass <= Dom.PROG_L2; pass++) {
            if (d.vars[Dom.REL_PRIV] != pass) continue;
            relinquishMemory(t, d, pass);
            progress(t, d, pass + 1, 0);
        }
    }

    private static void progress(Txn t, Dom d, int stage, int next) {
        if (d.vars[Dom.REL_PRIV] != stage) t.setLong(d.vars, Dom.REL_PRIV, stage);
        if (d.vars[Dom.REL_NEXT] != next) t.setLong(d.vars, Dom.REL_NEXT, next);
    }

    /** {@code vcpu_destroy_pagetables} (mm.c:3216-3290): a preempted put of a root becomes the vCPU's {@code old_guest_table}. */
    private static void vcpuDestroyPagetables(Txn t, Dom d, int v) {
        OldGuest.put(t, d, v, true);
        long base = d.baseptr[v];
        if (base != Dom.NO_BASEPTR) {
            t.setLong(d.baseptr, v, Dom.NO_BASEPTR);
            putRoot(t, d, v, (int) base);
        }
        long user = d.userBaseptr[v];
        if (user != Dom.NO_BASEPTR) {
            t.setLong(d.userBaseptr, v, Dom.NO_BASEPTR);
            putRoot(t, d, v, (int) user);
        }
    }

    private static void putRoot(Txn t, Dom d, int v, int mfn) {
        try {
            PageRefs.putPageAndType(t, mfn, true);
        } catch (Preempt p) {
            t.setLong(d.oldGuestTable, v, mfn);
            throw p;
        }
    }

    /** One pass of {@code relinquish_memory} (domain.c:2288-2439) from {@link Dom#REL_NEXT}; {@code pass} {@link Dom#PROG_L4}..{@link Dom#PROG_L2}. */
    private static void relinquishMemory(Txn t, Dom d, int pass) {
        FrameTable ft = t.ft;
        int level = Dom.PROG_L2 + 2 - pass;
        for (int mfn = (int) d.vars[Dom.REL_NEXT]; mfn < ft.frames; mfn++) {
            if (ft.owner[mfn] != d.id) continue;
            progress(t, d, pass, mfn);
            relinquishPage(t, d, mfn, level);
            if (t.preemptCheck()) {
                progress(t, d, pass, mfn + 1);
                throw Preempt.INSTANCE;
            }
        }
    }

    /**
     * One frame: a reference held across it; the pin dropped preemptibly (preempted: partial, the
     * pin's and the held reference dropped, not pinned again); the allocation dropped; a partial
     * table of the pass's level torn down (preempted again: the held reference dropped); the held
     * reference dropped.
     */
    private static void relinquishPage(Txn t, Dom d, int mfn, int level) {
        FrameTable ft = t.ft;
        long ci = ft.countInfo.get(mfn);
        t.setCountInfo(mfn, FrameTable.countInfo(FrameTable.count(ci) + 1, FrameTable.allocated(ci)));
        long ti = ft.typeInfo.get(mfn);
        if (FrameTable.pinned(ti)) {
            t.setTypeInfo(mfn, ti & ~FrameTable.PGT_PINNED);
            try {
                PageRefs.putPageAndType(t, mfn, true);
            } catch (Preempt p) {
                if (t.checks.relinquishDropsPreemptedPin()) {
                    PageRefs.putPage(t, mfn);
                } else {
                    t.setTypeInfo(mfn, ft.typeInfo.get(mfn) | FrameTable.PGT_PINNED);
                }
                PageRefs.putPage(t, mfn);
                throw p;
            }
        }
        ci = ft.countInfo.get(mfn);
        if (FrameTable.allocated(ci)) {
            t.setCountInfo(mfn, ci & ~FrameTable.PGC_ALLOCATED);
            t.setLong(d.vars, Dom.TOT_PAGES, d.vars[Dom.TOT_PAGES] - 1);
            PageRefs.putPage(t, mfn);
        }
        if (FrameTable.type(ft.typeInfo.get(mfn)) == level && t.checks.relinquishTearsDownPartial()) {
            try {
                PageRefs.putPartial(t, mfn, true);
            } catch (Preempt p) {
                PageRefs.putPage(t, mfn);
                throw p;
            }
        }
        PageRefs.putPage(t, mfn);
    }
}
