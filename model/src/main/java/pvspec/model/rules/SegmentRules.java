package pvspec.model.rules;

import static pvspec.model.abi.check.Check.SEG_BASE_NOT_CANONICAL;
import static pvspec.model.abi.check.Check.SEG_BASE_UNKNOWN_WHICH;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.StackSwitch;
import pvspec.model.state.Segments;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/**
 * The calling vCPU's kernel stack and segment bases ({@code pv/misc-hypercalls.c}): what a
 * 64-bit PV kernel sets for itself and its users. Xen keeps a guest off ring 0 here by fixing
 * selector RPLs up rather than refusing them, and keeps its own {@code wrmsr} from faulting by
 * refusing a non-canonical base.
 */
final class SegmentRules {
    private SegmentRules() {}

    /**
     * {@code do_stack_switch} (:160-167): the selector's RPL raised to the guest kernel's
     * ({@code fixup_guest_stack_selector}, asm/desc.h:49-56, on the whole {@code unsigned long}),
     * both recorded; always 0.
     */
    static Outcome stackSwitch(State s, Caller c, StackSwitch h) {
        Vcpu v = TrapRules.vcpu(s, c);
        long ss = fixupStackSelector(h.ss());
        return Outcome.of(TrapRules.withVcpu(s, c, v.withSegments(v.segments().withKernelStack(ss, h.sp()))), Result.OK);
    }

    /** {@code __fixup_guest_selector} on an {@code unsigned long}: an RPL below 3 is raised, the other bits kept. */
    static long fixupStackSelector(long ss) {
        return (ss & 3) >= TrapRules.GUEST_KERNEL_RPL ? ss : (ss & ~3L) | TrapRules.GUEST_KERNEL_RPL;
    }

    /**
     * {@code do_set_segment_base} (:169-267) for a 64-bit vCPU: {@code SEGBASE_FS},
     * {@code SEGBASE_GS_USER} and {@code SEGBASE_GS_KERNEL} need a canonical base (:179-184);
     * {@code SEGBASE_GS_USER_SEL} loads {@code (uint16_t)base} as the user %gs with its RPL forced
     * to 3 unless it is a NUL selector (:205-221), and never fails (:223-234); any other
     * {@code which} is {@code EINVAL} (:261-263).
     *
     * <p>The user %gs base after {@code SEGBASE_GS_USER_SEL} is what the hardware loaded from the
     * descriptor ({@code read_gs_base()}, :240): a 32-bit base, so canonical. The model, whose
     * guests load no segments ({@link pvspec.model.state.DescriptorTables}), says 0 (the base of
     * Xen's flat selectors); see the departures in {@code package-info}.
     */
    static Outcome setSegmentBase(State s, Caller c, SetSegmentBase h) {
        long which = h.which() & 0xFFFF_FFFFL; // unsigned int
        long base = h.base();
        Vcpu v = TrapRules.vcpu(s, c);
        Segments sg = v.segments();
        switch ((int) Math.min(which, Integer.MAX_VALUE)) {
            case SetSegmentBase.FS:
            case SetSegmentBase.GS_USER:
            case SetSegmentBase.GS_KERNEL:
                require(s.config().canonical(base), SEG_BASE_NOT_CANONICAL);
                sg = which == SetSegmentBase.FS ? sg.withFsBase(base)
                        : which == SetSegmentBase.GS_USER ? sg.withGsBaseUser(base) : sg.withGsBaseKernel(base);
                break;
            case SetSegmentBase.GS_USER_SEL:
                sg = sg.withGsUser(userGsSelector(base), 0);
                break;
            default:
                throw Refusal.of(SEG_BASE_UNKNOWN_WHICH);
        }
        return Outcome.of(TrapRules.withVcpu(s, c, v.withSegments(sg)), Result.OK);
    }

    /** {@code sel = (uint16_t)base; if (sel > 3) sel |= 3;} (:205, :214-216). */
    static long userGsSelector(long base) {
        long sel = base & 0xFFFF;
        return sel > 3 ? sel | 3 : sel;
    }
}
