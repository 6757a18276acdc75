package pvspec.properties.gen;

import java.util.List;
import java.util.Random;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Mode;
import pvspec.model.state.Domain;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;

/**
 * The model-guided request generator: each next request is drawn from the current model state
 * (the caller's frames by use, its tables and addresses, the ports and grants others offer it),
 * mostly valid, with a tunable share of hostile and malformed ones. Deterministic from its seed.
 */
public final class Generator {
    private final Pick p;
    /** Preemption points draw from their own stream, so that adding them left the others' requests as they were. */
    private final Pick preempt;
    /** mmu_update's preemption points: a stream of their own too, so mmuext_op's stayed as they were. */
    private final Pick mmuPreempt;
    /** destroydomain's preemption points and continuations: a stream of their own too. */
    private final Pick destroyPreempt;
    private final double hostility;
    private final int only;

    /** @param hostility the share of requests made hostile or malformed on purpose (0 to 1) */
    public Generator(long seed, double hostility) {
        this(seed, hostility, -1);
    }

    private Generator(long seed, double hostility, int only) {
        this.p = new Pick(new Random(seed));
        this.preempt = new Pick(new Random(~seed));
        this.mmuPreempt = new Pick(new Random(seed ^ 0x6D6D755FL));
        this.destroyPreempt = new Pick(new Random(seed ^ 0x64657374L));
        this.hostility = hostility;
        this.only = only;
    }

    /** A generator whose requests all come from one domain (a bystander making noise). */
    public static Generator forDomain(long seed, double hostility, int domid) {
        return new Generator(seed, hostility, domid);
    }

    /** The next request, and who makes it, for state {@code s}. */
    public TraceStep next(State s) {
        StateView v = new StateView(s);
        Caller c = caller(v);
        boolean hostile = p.chance(hostility);
        return TraceStep.of(c, request(v, c, hostile));
    }

    private Caller caller(StateView v) {
        if (only >= 0) return new Caller(only, p.below(Math.max(1, v.vcpus(only))), p.chance(0.04) ? Mode.USER : Mode.KERNEL);
        List<Integer> running = v.runningDomains();
        if (running.isEmpty() || p.chance(0.01)) return new Caller(p.below(v.c.domains() + 1), 0, Mode.KERNEL);
        // Guests do most of the work; the control domain manages them.
        int dom = running.size() > 1 && p.chance(0.85) ? p.of(running.subList(1, running.size()), running.get(0)) : p.of(running, 0);
        Domain d = v.s.dom(dom);
        int vcpu = p.below(d.vcpus().size());
        return new Caller(dom, vcpu, p.chance(0.04) ? Mode.USER : Mode.KERNEL);
    }

    private Hypercall request(StateView v, Caller c, boolean hostile) {
        PageTableRequests pt = new PageTableRequests(v, p, preempt, mmuPreempt, c);
        SharingRequests sh = new SharingRequests(v, p, c);
        ControlRequests ctl = new ControlRequests(v, p, c, destroyPreempt);
        // A teardown a preemption stopped is usually continued soon (domctl.c:755-759).
        if (c.domain() == 0 && !v.tearingDown().isEmpty() && destroyPreempt.chance(0.5)) return ctl.continueTeardown();
        if (c.domain() == 0 && p.chance(0.35)) return ctl.domctl();
        // A kernel installs its handlers first: a fault with none crashes the domain
        // (x86_64/entry.S:629-634), and a crashed domain makes no more requests.
        Domain me = v.s.domains().get(c.domain());
        if (me != null && !c.isUser() && me.hasVcpu(c.vcpu()) && !me.vcpu(c.vcpu()).traps().containsKey(14) && p.chance(0.9)) return ctl.handlers();
        // A vCPU with a deferred put pending (a preempted unpin or base switch) often goes on with
        // an mmu_update, which finishes the put first (mm.c:4003) with its own preemption checks.
        if (me != null && !c.isUser() && me.hasVcpu(c.vcpu()) && me.vcpu(c.vcpu()).hasOldGuestTable() && mmuPreempt.chance(0.5)) return pt.mmuUpdate(hostile);
        int r = p.below(100);
        if (r < 24) return pt.mmuUpdate(hostile);
        if (r < 40) return pt.mmuextOp(hostile);
        if (r < 48) return pt.updateVaMapping(hostile);
        if (r < 60) return pt.access(hostile);
        if (r < 70) return sh.eventChannel(hostile);
        if (r < 82) return sh.grantTable(hostile);
        if (r < 87) return ctl.memory(hostile);
        if (r < 90) return ctl.traps(hostile);
        if (r < 91) return new DescriptorRequests(v, p, c).next(hostile);
        if (r < 93) return ctl.softInt();
        if (r < 94) return new SplitRequests(v, p, c, pt).next(hostile);
        if (r < 97) return ctl.sched();
        if (r < 99) return ctl.domctl();
        return ctl.unknown();
    }
}
