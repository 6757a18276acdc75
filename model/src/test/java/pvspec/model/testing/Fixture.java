package pvspec.model.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;
import pvspec.model.trace.TraceSyntaxException;

/**
 * Unit-test support: states built from trace text, requests written as trace lines, and the
 * two assertions every rule test makes — a request is accepted with a result, or refused with
 * a result and the state left exactly as it was; either way every invariant still holds.
 */
public final class Fixture {
    public static final String SMALL = "config levels=2 entries=4 frames=16 domains=3 vcpus=2 ports=8 grants=4\n";

    /**
     * The standard world: d1 (frames 1..6) runs on L2 1 (pinned, base pointer of vCPU 0) whose
     * slot 0 holds L1 2; L1 2 maps data frame 3 writable at 0.0 and itself read-only at 0.1;
     * frames 4, 5, 6 are d1's untyped spares. d2 (frames 7..10) holds four untyped frames.
     */
    public static final String ONE_GUEST = SMALL
            + "dom0: domctl createdomain max_pages=6 vcpus=2 -> 1\n"
            + "dom0: domctl unpausedomain dom=1 -> OK\n"
            + "dom0: memory_op populate_physmap dom=1 count=6 -> 6\n"
            + "dom0: domctl createdomain max_pages=4 vcpus=1 -> 2\n"
            + "dom0: domctl unpausedomain dom=2 -> OK\n"
            + "dom0: memory_op populate_physmap dom=2 count=4 -> 4\n"
            + "d1: mmu_update ptr=2[0] val=3:P|RW|US ptr=2[1] val=2:P|US ptr=1[0] val=2:P|RW|US -> OK\n"
            + "d1: mmuext_op pin_l2_table mfn=1 ; new_baseptr mfn=1 -> OK\n";

    private Fixture() {}

    /** The state after running {@code text} (a full trace), every expectation and invariant checked. */
    public static State state(String text) {
        return TraceRun.of("fixture", text).finalState();
    }

    public static State oneGuest() {
        return state(ONE_GUEST);
    }

    /** {@code base} followed by more lines. */
    public static State oneGuest(String more) {
        return state(ONE_GUEST + more);
    }

    /** One request, written as a trace line ({@code "d1: mmuext_op pin_l1_table mfn=2"}). */
    public static TraceStep line(Config c, String line) {
        try {
            return Trace.parse("test", configLine(c) + "\n" + line + "\n").steps().get(0);
        } catch (TraceSyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The request is accepted: its result prints as {@code expected}; returns the new state. */
    public static State accepts(State s, String line, String expected) {
        Outcome o = run(s, line);
        assertThat(o.result().toString()).as("%s  (%s)", line, o.reason().orElse("")).isEqualTo(expected);
        return o.state();
    }

    /** The request is refused with {@code expected} and changes nothing. */
    public static void refuses(State s, String line, String expected) {
        Outcome o = run(s, line);
        assertThat(o.result().toString()).as("%s  (%s)", line, o.reason().orElse("")).isEqualTo(expected);
        assertThat(o.state()).as("a refused request changes nothing: %s", line).isEqualTo(s);
    }

    /** Step one request and check every invariant afterwards. */
    public static Outcome run(State s, String line) {
        TraceStep t = line(s.config(), line);
        return run(s, t.caller(), t.call());
    }

    public static Outcome run(State s, Caller c, Hypercall h) {
        Outcome o = Step.step(s, c, h);
        List<Violation> v = Invariants.checkStep(s, c, h, o.result(), o.state());
        assertThat(v).as("invariants after %s", h).isEmpty();
        return o;
    }

    private static String configLine(Config c) {
        return pvspec.model.trace.TracePrinter.config(c);
    }
}
