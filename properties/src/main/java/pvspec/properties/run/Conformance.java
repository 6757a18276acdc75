package pvspec.properties.run;

import java.util.List;
import java.util.Optional;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.Target;
import pvspec.model.abi.check.Reply;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.state.StateDiff;
import pvspec.model.trace.TraceStep;

/**
 * Property 2, conformance: an implementation run in lockstep with the model returns the model's
 * result, refused by the same check, for every request and its abstract state equals the model's state after every step;
 * and every invariant holds.
 */
public final class Conformance implements Property {
    private final Target target;
    private Hypercalls machine;

    public Conformance(Target target) {
        this.target = target;
    }

    @Override
    public String name() {
        return target.name() + " conforms to the model";
    }

    @Override
    public void start(State initial) {
        machine = target.boot(initial.config());
    }

    @Override
    public Optional<String> afterStep(State before, TraceStep step, Outcome o) {
        Reply r;
        try {
            r = machine.call(step.caller(), step.call());
        } catch (RuntimeException e) {
            return Optional.of(target.name() + " threw " + e);
        }
        if (!r.equals(o.reply())) return Optional.of(target.name() + " returned " + r + ", the model " + o.reply());
        State abs = machine.abstractState();
        if (!abs.equals(o.state())) return Optional.of(target.name() + "'s state differs from the model's: " + StateDiff.describe(o.state(), abs));
        List<Violation> v = Invariants.checkStep(before, step.caller(), step.call(), o.result(), o.state());
        return v.isEmpty() ? Optional.empty() : Optional.of(v.toString());
    }
}
