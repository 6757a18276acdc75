package pvspec.verification.jpf;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuextOp;
import pvspec.model.invariant.Invariants;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * Harness 2: the model explored sequentially. From a small start state, each transition applies
 * one request chosen from a fixed menu; JPF's state matching stops where a state was seen before,
 * so JPF enumerates every reachable state. After each step the harness checks the invariants and
 * reports the transition; the number of distinct states JPF finds is compared with an
 * independent breadth-first search on the JVM ({@link ModelBfs}).
 *
 * <p>The menu adds a domain's own event channel (offered to dom0, or an IPI that raises an
 * upcall when sent) to the page-table requests. The model's rules compare ports by pattern
 * matching, not with a record's generated {@code equals}, which JPF cannot run (the launcher's
 * counts would show the search stopping there).
 *
 * <p>The machine: 2-level tables of 4 entries, 6 frames, dom0 and d1 (one vCPU) owning frames
 * T=1, A=2, D=3, B=4; the menu builds, loads, uses and tears down page tables among them.
 */
public final class ModelExploration {
    private ModelExploration() {}

    public static final Config CONFIG = Config.withDefaults(2, 4, 6, 2, 1, 2, 1);

    static final long T = 1, A = 2, D = 3, B = 4;
    private static final Caller DOM0 = Caller.kernel(0);
    private static final Caller D1 = Caller.kernel(1);

    public static List<Call> setup() {
        List<Call> c = new ArrayList<>();
        c.add(new Call(DOM0, new Domctl.CreateDomain(4, 1), "domctl createdomain max_pages=4 vcpus=1"));
        c.add(new Call(DOM0, new MemoryOp.PopulatePhysmap(1, 4), "memory_op populate_physmap dom=1 count=4"));
        c.add(new Call(DOM0, new Domctl.UnpauseDomain(1), "domctl unpausedomain dom=1"));
        return c;
    }

    public static Call[] menu() {
        return new Call[] {
            Scenarios.mmu(D1, A, 0, D, true),
            Scenarios.mmuClear(D1, A, 0),
            Scenarios.mmu(D1, A, 1, B, false),
            Scenarios.mmu(D1, T, 0, A, true),
            Scenarios.mmu(D1, T, 0, B, true),
            Scenarios.pin(D1, 1, A),
            Scenarios.unpin(D1, A),
            Scenarios.pin(D1, 2, T),
            Scenarios.unpin(D1, T),
            Scenarios.baseptr(D1, T),
            Scenarios.access(D1, true, 0),
            Scenarios.access(D1, false, 1),
            new Call(D1, MmuextOp.of(new MmuextOp.TlbFlushLocal()), "mmuext_op tlb_flush_local"),
            new Call(D1, new EventChannelOp.AllocUnbound(DomId.DOMID_SELF, 0), "event_channel_op alloc_unbound dom=self remote_dom=0"),
            new Call(D1, new EventChannelOp.BindIpi(0), "event_channel_op bind_ipi vcpu=0"),
            Scenarios.send(D1, 1),
            Scenarios.close(D1, 1),
        };
    }

    /**
     * A path from the start that builds, loads and uses an address space (menu indices): T[0]=A,
     * A[0]=D, pin T, load T, write va 0.0 (a TLB entry), read va 0.1 (a fault), flush.
     */
    static final int[] WARM_UP_PATH = {3, 0, 7, 9, 10, 11, 12};

    /**
     * Runs every menu request once from every state along {@link #WARM_UP_PATH}, through the
     * invariants and canonicalisation, and returns nothing: its only purpose is to
     * initialise, before JPF's first choice, every class and lazily created constant that the
     * exploration will need (a TLB entry, for example, first needs {@code Long}'s cache). Without
     * it JPF sees the static state change part-way and counts some model states twice.
     */
    public static void warmUp(State start, Call[] menu) {
        State w = start;
        for (int p : WARM_UP_PATH) {
            for (Call c : menu) InvariantCheck.firstViolation(Canon.of(Step.step(w, c.caller, c.request).state()));
            w = Canon.of(Step.step(w, menu[p].caller, menu[p].request).state());
        }
    }

    /** The start state: the setup applied to the model's initial state. */
    public static State start() {
        State s = State.initial(CONFIG);
        for (Call c : setup()) s = Step.step(s, c.caller, c.request).state();
        return s;
    }

    /**
     * One transition: choose a request, apply it, check every invariant of the model
     * ({@link Invariants#check}, which runs inside JPF), report it; returns the canonical
     * successor. Throws {@link AssertionError} when an invariant breaks.
     */
    public static State next(State s, Call[] menu, Choices choices) {
        int i = choices.choose(menu.length);
        Outcome o = Step.step(s, menu[i].caller, menu[i].request);
        String broken = InvariantCheck.firstViolation(o.state());
        if (broken != null) throw new AssertionError(broken + " after " + menu[i].line());
        choices.completed(i);
        return Canon.of(o.state());
    }
}
