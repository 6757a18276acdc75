package pvspec.guests.hypercall;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.TracePrinter;

/**
 * Two machines driven by the same requests, compared after each one: the results must be equal,
 * and (every {@code stateEvery} steps) so must the abstract states. The reference (normally the
 * model) decides what the guest sees. The first difference throws {@link Divergence}.
 */
public final class Lockstep implements Hypercalls {
    private final Hypercalls reference;
    private final Hypercalls subject;
    private final int stateEvery;
    private long steps;

    /** Compare results and abstract states after every step. */
    public Lockstep(Hypercalls reference, Hypercalls subject) {
        this(reference, subject, 1);
    }

    /** @param stateEvery compare abstract states every this many steps (0: never) */
    public Lockstep(Hypercalls reference, Hypercalls subject, int stateEvery) {
        if (!reference.config().equals(subject.config())) throw new IllegalArgumentException("the two machines differ in configuration");
        this.reference = reference;
        this.subject = subject;
        this.stateEvery = stateEvery;
    }

    @Override
    public Config config() {
        return reference.config();
    }

    @Override
    public synchronized Reply call(Caller caller, Hypercall call) {
        Reply expected = reference.call(caller, call);
        Reply actual = subject.call(caller, call);
        steps++;
        String line = TracePrinter.step(config(), caller, call, expected.result());
        if (!expected.equals(actual)) throw new Divergence(steps, line, "result " + actual + " instead of " + expected);
        if (stateEvery > 0 && steps % stateEvery == 0 && !reference.abstractState().equals(subject.abstractState())) {
            throw new Divergence(steps, line, "the abstract states differ");
        }
        return expected;
    }

    @Override
    public State abstractState() {
        return reference.abstractState();
    }

    public Hypercalls reference() {
        return reference;
    }

    public Hypercalls subject() {
        return subject;
    }
}
