package pvspec.hypervisor;

import pvspec.model.abi.Iret;
import pvspec.model.abi.Result;

/**
 * The 64-bit PV kernel/user split: {@code toggle_guest_mode} (pv/domain.c:515-566) and
 * {@code HYPERVISOR_iret} (pv/iret.c:do_iret). A toggle reloads CR3 with the other mode's root,
 * which drops the vCPU's translations.
 */
final class ModeOps {
    private ModeOps() {}

    /** Entry into the guest kernel ({@code create_bounce_frame}, entry.S:544-551): leave user mode if in it. */
    static void enterKernel(Txn t, Dom d, int v) {
        if (!d.userMode(v)) return;
        t.setLong(d.vflags, v, d.vflags[v] & ~Dom.USER);
        if (t.checks.flushOnModeSwitch()) TlbOps.flushLocal(t, d, v);
    }

    /**
     * The entry of a kernel-mode request from a vCPU in user mode ({@code lstar_enter} ->
     * {@code switch_to_kernel}): it happens whatever the request's outcome, so it is not journaled.
     * The caller holds the domain's lock.
     */
    static void enterKernelForRequest(Dom d, int v, Checks checks) {
        if (!d.userMode(v)) return;
        d.vflags[v] &= ~Dom.USER;
        if (checks.flushOnModeSwitch() && d.tlb[v].size() != 0) d.tlb[v] = new Tlb();
    }

    /** {@code do_iret}: a ring-3 frame returns to user mode, or crashes a guest with no user root (iret.c:68-75). */
    static Result iret(Txn t, Iret h) {
        if ((h.cs() & 3) != 3) return Result.OK;
        Dom d = t.dom;
        int v = t.vcpu;
        if (d.userBaseptr[v] == Dom.NO_BASEPTR && t.checks.iretNeedsUserRoot()) {
            t.setLong(d.vars, Dom.LIFE, Dom.SHUTDOWN); // domain_crash
            return Result.OK;
        }
        t.setLong(d.vflags, v, d.vflags[v] | Dom.USER);
        if (t.checks.flushOnModeSwitch()) TlbOps.flushLocal(t, d, v);
        return Result.OK;
    }
}
