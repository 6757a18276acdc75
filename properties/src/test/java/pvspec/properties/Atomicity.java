package pvspec.properties;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Errno;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.rules.TrapRules;
import pvspec.model.state.Domain;
import pvspec.model.state.Vcpu;
import pvspec.model.state.State;

/**
 * What a refused request may change, as Xen has it: nothing, except the completed prefix of a
 * batch. {@code set_trap_table} is such a batch: the entries before a refused one stay installed
 * ({@code pv/callback.c:do_set_trap_table}), so only the caller's trap table may differ; and
 * {@code update_va_mapping} whose flags carry a vCPU-mask pointer writes the entry before it
 * fails to read the mask with {@code EFAULT} ({@code mm.c:4527-4541}); a grant unmap flushes the
 * caller's TLBs whatever its status, and {@code unmap_and_replace}'s steal stays (with the #GP of
 * an implicit unmap when the stolen entry is a grant PTE).
 */
public final class Atomicity {
    private Atomicity() {}

    /** Whether the whole request was refused ({@code done = 0} for the batches that count). */
    public static boolean wholeRefusal(Result r) {
        return r instanceof Result.Err || r instanceof Result.Gnt && !r.succeeded()
                || r instanceof Result.Partial && ((Result.Partial) r).done() == 0;
    }

    /** {@code before} with every TLB of domain {@code dom}'s vCPUs empty. */
    private static State flushed(State before, int dom) {
        Domain d = before.domains().get(dom);
        if (d == null) return before;
        for (int v = 0; v < d.vcpus().size(); v++) d = d.withVcpu(v, d.vcpu(v).withTlb(org.pcollections.TreePMap.empty()));
        return before.withDomain(d);
    }

    /** Whether {@code after} is {@code before} up to what a refusal of {@code h} may keep. */
    public static boolean refusalKeptOnlyItsPrefix(State before, Caller c, Hypercall h, Result r, State after) {
        if (after.equals(before)) return true;
        // A kernel-mode request from user mode entered the kernel first (x86_64/entry.S): that stays.
        before = pvspec.model.rules.Step.entry(before, c);
        if (after.equals(before)) return true;
        // mmuext_op and mmu_update finish the caller's deferred put first (mm.c:3461, 4003), and a
        // taken-over validation that fails tears its partial table down (mm.c:1464-1489): both stay.
        if (h instanceof pvspec.model.abi.MmuextOp || h instanceof pvspec.model.abi.MmuUpdate) return partialWorkDone(before, c, after);
        // EFAULT reading the vCPU mask comes after the write, which stays (mm.c:4527-4541).
        if (h instanceof UpdateVaMapping) return r instanceof Result.Err e && e.errno() == Errno.EFAULT;
        // A grant unmap batch flushes the caller's TLBs whatever its status (grant_table.c:1723,
        // 1788); unmap_and_replace's steal clears new_addr's entry and puts it before the checks
        // that fail (pv/grant_table.c:254, 318-320): only frames may differ besides.
        if (h instanceof GrantTableOp.UnmapGrantRef) return after.equals(flushed(before, c.domain()));
        // A stolen grant PTE is an implicit unmap: #GP to the caller (mm.c:1219-1227, debug build).
        if (h instanceof GrantTableOp.UnmapAndReplace) {
            return after.domains().equals(flushed(before, c.domain()).domains())
                    || after.domains().equals(flushed(TrapRules.deliverFault(before, c, TrapRules.GENERAL_PROTECTION), c.domain()).domains());
        }
        // A transfer refused after steal_page has lost the frame: freed, scrubbed, untranslated, and
        // the caller's TLBs flushed (grant_table.c:2338-2349, 2370-2377).
        if (h instanceof GrantTableOp.Transfer) return transferLostFrame(before, c, ((GrantTableOp.Transfer) h).mfn(), after);
        // setup_table's growth and the frame numbers stored before a faulting store stay
        // (grant_table.c:2129-2155): GNTST_bad_virt_addr keeps the grant table, TLBs and data tags;
        // so do get_status_frames' numbers stored before it (:3437-3444).
        if (h instanceof GrantTableOp.SetupTable) return r.equals(pvspec.model.abi.check.Check.GNTTAB_SETUP_BAD_VIRT_ADDR.result());
        if (h instanceof GrantTableOp.GetStatusFrames) return r.equals(pvspec.model.abi.check.Check.GNTTAB_STATUS_FRAMES_BAD_VIRT_ADDR.result());
        if (!(h instanceof SetTrapTable)) return false;
        Domain d = before.domains().get(c.domain());
        if (d == null || !d.hasVcpu(c.vcpu())) return false;
        Vcpu v = d.vcpu(c.vcpu());
        return after.equals(before.withDomain(d.withVcpu(c.vcpu(), v.withTraps(after.dom(c.domain()).vcpu(c.vcpu()).traps()))));
    }

    private static boolean transferLostFrame(State before, Caller c, long mfn, State after) {
        if (!before.validMfn(mfn)) return false;
        State expected = flushed(before, c.domain()).withFrame(mfn, pvspec.model.state.Frame.free(before.config().entries()));
        for (Domain d : expected.domains().values()) {
            for (int v = 0; v < d.vcpus().size(); v++) {
                var tlb = d.vcpu(v).tlb();
                for (var e : tlb.entrySet()) if (e.getValue().mfn() == mfn) tlb = tlb.minus(e.getKey());
                d = d.withVcpu(v, d.vcpu(v).withTlb(tlb));
            }
            expected = expected.withDomain(d);
        }
        return after.equals(expected);
    }

    private static boolean partialWorkDone(State before, Caller c, State after) {
        Domain d = before.domains().get(c.domain());
        Domain a = after.domains().get(c.domain());
        boolean deferredPut = d != null && a != null && d.hasVcpu(c.vcpu()) && d.vcpu(c.vcpu()).hasOldGuestTable()
                && !a.vcpu(c.vcpu()).hasOldGuestTable();
        return deferredPut || partials(after) < partials(before);
    }

    private static long partials(State s) {
        return s.frames().stream().filter(pvspec.model.state.Frame::partial).count();
    }
}
