package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.SEG_BASE_NOT_CANONICAL;
import static pvspec.model.abi.check.Check.SEG_BASE_UNKNOWN_WHICH;

import pvspec.model.abi.Result;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.StackSwitch;

/** The calling vCPU's kernel stack and segment bases ({@code pv/misc-hypercalls.c}). */
final class SegOps {
    private SegOps() {}

    /** {@code do_stack_switch} (:160-167): the selector's RPL fixed up, both stored; always 0. */
    static Result stackSwitch(Txn t, StackSwitch h) {
        long[] sg = t.dom.segs[t.vcpu];
        t.setLong(sg, Dom.SG_KERNEL_SS, t.checks.stackSelector(h.ss()));
        t.setLong(sg, Dom.SG_KERNEL_SP, h.sp());
        return Result.OK;
    }

    /** {@code do_set_segment_base} (:169-267): FS and the GS bases need a canonical base; GS_USER_SEL loads a user selector. */
    static Result setSegmentBase(Txn t, SetSegmentBase h) {
        long which = h.which() & 0xFFFF_FFFFL;
        long[] sg = t.dom.segs[t.vcpu];
        if (which == SetSegmentBase.FS || which == SetSegmentBase.GS_USER || which == SetSegmentBase.GS_KERNEL) {
            if (!t.checks.segmentBaseCanonical(t.hv.config, h.base())) throw Refused.of(SEG_BASE_NOT_CANONICAL);
            int slot = which == SetSegmentBase.FS ? Dom.SG_FS : which == SetSegmentBase.GS_USER ? Dom.SG_GS_USER : Dom.SG_GS_KERNEL;
            t.setLong(sg, slot, h.base());
        } else if (which == SetSegmentBase.GS_USER_SEL) {
            t.setLong(sg, Dom.SG_GS_USER_SEL, t.checks.userGsSelector((int) (h.base() & 0xFFFF)));
            t.setLong(sg, Dom.SG_GS_USER, 0); // the model's departure: no descriptor base is read back
        } else {
            throw Refused.of(SEG_BASE_UNKNOWN_WHICH);
        }
        return Result.OK;
    }
}
