package pvspec.properties.gen;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.SchedOp;
import pvspec.model.state.Domain;

/**
 * The 64-bit kernel/user split: a kernel sets its user root (its own top-level table, or none),
 * returns to user mode with {@code iret}, batches calls in a {@code multicall}; the hostile
 * variants name another guest's root or a plain frame, return to user mode with no user root, put
 * calls after an {@code iret} in a multicall (XSA-213) or nest multicalls.
 */
final class SplitRequests {
    /** A ring-3 and a ring-0 code selector ({@code FLAT_USER_CS64}, its RPL-0 twin). */
    static final long USER_CS = 0xe033;
    static final long KERNEL_RPL0_CS = 0xe030;

    private final StateView v;
    private final Pick p;
    private final Caller c;
    private final int me;
    private final PageTableRequests pt;

    SplitRequests(StateView v, Pick p, Caller c, PageTableRequests pt) {
        this.v = v;
        this.p = p;
        this.c = c;
        this.me = c.domain();
        this.pt = pt;
    }

    Hypercall next(boolean hostile) {
        int r = p.below(10);
        if (r < 4) return MmuextOp.of(new MmuextOp.NewUserBaseptr(userRoot(hostile)));
        if (r < 7) return iret(hostile);
        return multicall(hostile);
    }

    private long userRoot(boolean hostile) {
        int levels = v.c.levels();
        if (hostile) return p.chance(0.5) ? p.of(v.foreign(me), 1L) : p.of(v.untyped(me), p.garbage(v.c.frames()));
        return p.chance(0.15) ? 0 : p.of(v.tables(me, levels), 0L);
    }

    /** To user mode when there is a user root (always, when hostile), else an RPL-0 frame. */
    private Iret iret(boolean hostile) {
        Domain d = v.s.domains().get(me);
        boolean root = d != null && d.hasVcpu(c.vcpu()) && d.vcpu(c.vcpu()).hasUserBaseptr();
        return new Iret(root || hostile ? USER_CS : KERNEL_RPL0_CS);
    }

    private Multicall multicall(boolean hostile) {
        List<Hypercall> calls = new ArrayList<>();
        if (hostile && p.chance(0.3)) calls.add(Multicall.of(new SchedOp.Yield()));
        if (p.chance(0.5)) calls.add(pt.mmuextOp(false));
        calls.add(iret(false));
        calls.add(p.chance(0.5) ? pt.mmuUpdate(hostile) : pt.mmuextOp(hostile));
        return new Multicall(calls);
    }
}
