package pvspec.hypervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;

/**
 * A checked start for deeper random runs: two guests, each with an address space of every level
 * (an L1 mapping two data frames writable and itself read-only), pinned and loaded on every vCPU,
 * a grant from d1 to d2 mapped by d2, and an interdomain event channel between them. Each guest
 * first installs its exception handlers, as a kernel does.
 */
final class Prelude {
    private Prelude() {}

    /** Runs the prelude through {@code run} (a hypercall issuer); returns the guests' first frames. */
    static List<Long> build(Config c, BiFunction<Caller, Hypercall, Result> run) {
        List<Long> firsts = new ArrayList<>();
        for (int g = 1; g <= 2; g++) firsts.add(guest(c, run, g));
        link(c, run, firsts.get(0));
        return firsts;
    }

    /** dom0 creates guest {@code g} (the next free id) and it builds its address space; returns its first frame. */
    static long guest(Config c, BiFunction<Caller, Hypercall, Result> run, int g) {
        Caller dom0 = Caller.kernel(0);
        int perGuest = c.levels() + 3;
        run.apply(dom0, new Domctl.CreateDomain(perGuest + 2, c.vcpus()));
        Result r = run.apply(dom0, new MemoryOp.PopulatePhysmap(g, perGuest));
        run.apply(dom0, new Domctl.UnpauseDomain(g)); // created paused (domain.c:domain_create)
        long first = ((Result.Extents) r).mfns().get(0);
        // frames: first .. first+levels-1 are L1..Ltop, then data, data, spare
        long l1 = first;
        long data = first + c.levels();
        Caller me = Caller.kernel(g);
        run.apply(me, RandomCalls.handlers()); // a fault with no handler would crash it
        run.apply(me, MmuUpdate.of(
                new MmuUpdate.Request(l1, 0, Pte.make(data, PteFlag.P, PteFlag.RW, PteFlag.US)),
                new MmuUpdate.Request(l1, 1, Pte.make(data + 1, PteFlag.P, PteFlag.RW, PteFlag.US)),
                new MmuUpdate.Request(l1, 2, Pte.make(l1, PteFlag.P, PteFlag.US))));
        for (int level = 2; level <= c.levels(); level++) {
            run.apply(me, MmuUpdate.one(first + level - 1, 0, Pte.make(first + level - 2, PteFlag.P, PteFlag.RW, PteFlag.US)));
        }
        long top = first + c.levels() - 1;
        run.apply(me, MmuextOp.of(new MmuextOp.Pin(c.levels(), top)));
        for (int v = 0; v < c.vcpus(); v++) run.apply(Caller.kernel(g, v), MmuextOp.of(new MmuextOp.NewBaseptr(top)));
        return first;
    }

    /** d1 grants its second data frame to d2, which maps it; an interdomain channel d1:1 - d2:1. */
    static void link(Config c, BiFunction<Caller, Hypercall, Result> run, long firstOfD1) {
        Caller d1 = Caller.kernel(1);
        Caller d2 = Caller.kernel(2);
        run.apply(d1, new GrantTableWrite.Grant(0, 2, firstOfD1 + c.levels() + 1, false));
        run.apply(d2, new GrantTableOp.MapGrantRef(1, 0, GrantTableOp.GNTMAP_host_map, 3));
        run.apply(d1, new EventChannelOp.AllocUnbound(0x7FF0, 2));
        run.apply(d2, new EventChannelOp.BindInterdomain(1, 1));
    }
}
