package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.state.Segments;

/**
 * A guest hands Xen non-canonical %fs and %gs bases. Xen writes a base into the segment MSRs
 * itself ({@code write_fs_base}, {@code write_gs_base}, {@code write_gs_shadow}): a non-canonical
 * value faults there, in ring 0, the class of XSA-7's non-canonical addresses. So
 * {@code do_set_segment_base} checks {@code is_canonical_address} first and refuses with
 * {@code EINVAL} (pv/misc-hypercalls.c:179-184), for each of the three bases; the canonical base
 * set before stays.
 */
public final class NonCanonicalSegmentBase implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("non-canonical-segment-base", "-", "non-canonical address loaded by Xen",
                "set_segment_base of FS, the user GS and the kernel GS to non-canonical bases",
                "EINVAL for each: the bases stay canonical");
    }

    @Override
    public void run(AttackScript s) {
        int d = s.domain(1);
        long nonCanonical = s.config().vaPages();
        s.attempt(s.as(d), Calls.setSegmentBase(SetSegmentBase.FS, 1), Result.OK);
        s.attempt(s.as(d), Calls.setSegmentBase(SetSegmentBase.FS, nonCanonical), err(EINVAL));
        s.attempt(s.as(d), Calls.setSegmentBase(SetSegmentBase.GS_USER, -1), err(EINVAL));
        s.attempt(s.as(d), Calls.setSegmentBase(SetSegmentBase.GS_KERNEL, Long.MIN_VALUE), err(EINVAL));
        s.postcondition("the FS base is still 1 and both GS bases 0", st -> {
            Segments sg = st.dom(d).vcpu(0).segments();
            return sg.fsBase() == 1 && sg.gsBaseUser() == 0 && sg.gsBaseKernel() == 0;
        });
    }
}
