package pvspec.model.rules;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/**
 * A vCPU's deferred put ({@code old_guest_table}): a table whose put was preempted part-way
 * keeps a general reference on the vCPU until {@code put_old_guest_table} finishes it, at the
 * start of the vCPU's next {@code mmuext_op} or {@code mmu_update} (mm.c:3461, 4003) or when its
 * domain dies (mm.c:3220).
 */
final class OldGuestTable {
    private OldGuestTable() {}

    static boolean held(State s, Caller c) {
        return s.dom(c.domain()).vcpu(c.vcpu()).hasOldGuestTable();
    }

    /** The vCPU now holds {@code mfn}'s deferred put (old_guest_table_partial: true). */
    static State defer(State s, Caller c, long mfn) {
        return defer(s, c.domain(), c.vcpu(), mfn);
    }

    static State defer(State s, int dom, int vcpu, long mfn) {
        var d = s.dom(dom);
        return s.withDomain(d.withVcpu(vcpu, d.vcpu(vcpu).withOldGuestTable(mfn)));
    }

    /**
     * {@code put_old_guest_table} of a table {@code put_pt_page} deferred ({@code PTF_defer},
     * {@code old_guest_table_partial} false, mm.c:1247-1253): {@code _put_page_type} with
     * {@code PTF_preemptible}, then {@code put_page} (mm.c:3182-3204). Preempted, the vCPU keeps
     * it as its deferred put, now partial (mm.c:3189-3193), holding the put's general reference.
     */
    static State putDeferred(State s, Caller c, long mfn, Preemption p) {
        try {
            return PageTypes.putPageAndType(s, mfn, c, p);
        } catch (Preempted x) {
            throw new Preempted(defer(x.state(), c, mfn));
        }
    }

    /**
     * The start of {@code mmu_update} and {@code mmuext_op}: the vCPU's deferred put, whatever the
     * arguments (mm.c:4003-4012, 3461-3472). Preempted, the call is re-issued as it was: the
     * outcome is {@code restart done=0}; otherwise it is {@code OK} with the state after the put.
     */
    static Outcome putFirst(State s, Caller c, Preemption p) {
        try {
            return Outcome.of(put(s, c, p), Result.OK);
        } catch (Preempted x) {
            return Outcome.of(x.state(), new Result.Restart(0));
        }
    }

    /** {@code put_old_guest_table} (mm.c:3177-3214) of the caller's vCPU; {@link Preempted} leaves it pending. */
    static State put(State s, Caller c, Preemption p) {
        return put(s, c.domain(), c.vcpu(), c, p);
    }

    /** As above for {@code vcpu} of {@code dom}, the request {@code current}'s (a domain's destruction). */
    static State put(State s, int dom, int vcpu, Caller current, Preemption p) {
        long mfn = s.dom(dom).vcpu(vcpu).oldGuestTable();
        if (mfn == Vcpu.NO_BASEPTR) return s;
        s = PageTypes.putPartial(s, mfn, current, p);
        s = defer(s, dom, vcpu, Vcpu.NO_BASEPTR);
        return PageTypes.putPage(s, mfn);
    }
}
