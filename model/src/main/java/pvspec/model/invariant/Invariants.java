package pvspec.model.invariant;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/**
 * The global invariant: the conjunction of INV-1 to INV-13, in the order of their ids. "Every step
 * preserves every invariant" is the property the suites test and the checkers explore.
 */
public final class Invariants {
    private Invariants() {}

    public static final List<Invariant> ALL = List.of(
            new Ownership(),
            new TypeExclusive(),
            new NoWritablePagetable(),
            new WellTypedTree(),
            new HypervisorSlots(),
            new ExactCounts(),
            new ReclaimAndScrub(),
            new MemoryIsolation(),
            new TrapTable(),
            new Privilege(),
            new EventChannels(),
            new Grants(),
            new Lifecycle());

    /** Every violation in {@code s}. */
    public static List<Violation> check(State s) {
        Facts f = Facts.of(s);
        List<Violation> out = new ArrayList<>();
        for (Invariant i : ALL) out.addAll(i.check(f));
        return out;
    }

    /** Every violation of one step: of the state after it, and of what the step was allowed to do. */
    public static List<Violation> checkStep(State before, Caller c, Hypercall h, Result r, State after) {
        Facts f = Facts.of(after);
        List<Violation> out = new ArrayList<>();
        for (Invariant i : ALL) out.addAll(i.checkStep(before, c, h, r, f));
        return out;
    }

    /** The invariant with this id ({@code INV-3}) or name ({@code no-writable-pagetable}). */
    public static Invariant byId(String idOrName) {
        for (Invariant i : ALL) if (i.id().equalsIgnoreCase(idOrName) || i.name().equals(idOrName)) return i;
        throw new IllegalArgumentException("no invariant " + idOrName);
    }
}
