package pvspec.guests.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pvspec.guests.hypercall.Checked;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.Recording;
import pvspec.guests.hypercall.Target;
import pvspec.model.state.State;

/** Runs attacks on a fresh machine each, with every invariant checked after every step. */
public final class AttackRunner {
    private AttackRunner() {}

    public static AttackOutcome run(Attack attack, Target target) {
        return run(attack, target.boot(attack.config()));
    }

    /** Run {@code attack} on {@code machine}, which must be in its boot state. */
    public static AttackOutcome run(Attack attack, Hypercalls machine) {
        List<String> violations = new ArrayList<>();
        Recording recording = new Recording(Checked.invariants(machine, violations::add));
        AttackScript script = new AttackScript(recording);
        Optional<String> setupFailure = Optional.empty();
        try {
            attack.run(script);
        } catch (RuntimeException e) {
            setupFailure = Optional.of(e.toString());
        }
        State end = machine.abstractState();
        List<String> failed = new ArrayList<>();
        for (AttackScript.Postcondition p : script.postconditions()) {
            boolean holds;
            try {
                holds = p.holds().test(end);
            } catch (RuntimeException e) {
                holds = false;
            }
            if (!holds) failed.add(p.description());
        }
        return new AttackOutcome(attack.info(), recording.trace(), script.steps(), failed, violations, setupFailure);
    }

    /** Every attack of the catalogue on {@code target}. */
    public static List<AttackOutcome> runAll(Target target) {
        List<AttackOutcome> out = new ArrayList<>();
        for (Attack a : Catalogue.ALL) out.add(run(a, target));
        return out;
    }
}
