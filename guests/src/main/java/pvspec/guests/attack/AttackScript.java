package pvspec.guests.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.hypercall.Recording;
import pvspec.guests.kernel.Layout;
import pvspec.guests.kernel.PageTables;
import pvspec.guests.kernel.StartInfo;
import pvspec.guests.kernel.Toolstack;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.Expectation;

/**
 * What an attack is written with: pages for dom0 and the guests, set-up helpers whose requests
 * must succeed, {@link #attempt} for the attack requests, and post-conditions on the state.
 */
public final class AttackScript {
    private final Recording machine;
    private final List<AttackStep> steps = new ArrayList<>();
    private final List<Postcondition> postconditions = new ArrayList<>();

    /** A named predicate the final state must satisfy. */
    public record Postcondition(String description, Predicate<State> holds) {}

    AttackScript(Recording machine) {
        this.machine = machine;
    }

    public Config config() {
        return machine.config();
    }

    public HypercallPage dom0() {
        return as(DomId.DOM0);
    }

    /** vCPU 0 of {@code domid}, in kernel mode. */
    public HypercallPage as(int domid) {
        return new HypercallPage(machine, Caller.kernel(domid));
    }

    /** The state now (for post-conditions that compare with it). */
    public State state() {
        return machine.abstractState();
    }

    /** A domain with {@code pages} frames given but nothing built (for attacks that need no address space). */
    public int domain(int pages) {
        return Toolstack.createDomain(dom0(), pages, 1).domid();
    }

    /**
     * A guest with an address space over {@code pages} frames and {@code spare} empty pages,
     * and {@code extra} more frames it owns but has not mapped.
     */
    public Guest guest(int pages, int spare, int extra) {
        HypercallPage dom0 = dom0();
        int domid = (int) dom0.value(Calls.createDomain(pages + extra, 1));
        List<Long> frames = dom0.extents(Calls.populatePhysmap(domid, pages));
        List<Long> more = extra == 0 ? List.of() : dom0.extents(Calls.populatePhysmap(domid, extra));
        Toolstack.unpause(dom0, domid);
        HypercallPage hp = as(domid);
        Layout layout = Layout.of(config(), new StartInfo(domid, 1, frames).frames(), spare);
        PageTables.build(hp, layout);
        return new Guest(domid, layout, hp, more);
    }

    public Guest guest(int pages, int spare) {
        return guest(pages, spare, 0);
    }

    /** An attack request: made, recorded in the trace, and checked against {@code expected} by the runner. */
    public Result attempt(HypercallPage hp, Hypercall h, Expectation expected) {
        int index = machine.size();
        Result r = hp.call(h);
        steps.add(new AttackStep(index, hp.caller(), h, expected, r));
        return r;
    }

    public Result attempt(HypercallPage hp, Hypercall h, Result expected) {
        return attempt(hp, h, Expectation.of(expected));
    }

    /** What must hold once the attack is over. */
    public void postcondition(String description, Predicate<State> holds) {
        postconditions.add(new Postcondition(description, holds));
    }

    List<AttackStep> steps() {
        return List.copyOf(steps);
    }

    List<Postcondition> postconditions() {
        return List.copyOf(postconditions);
    }
}
