package pvspec.guests.attack;

import java.util.List;
import java.util.Optional;
import pvspec.model.trace.Trace;

/**
 * How an attack went: its recorded trace (every request with the result it got), each attack
 * step's expected and actual result, the post-conditions that failed, the invariant violations
 * seen after any step, and a set-up that could not be completed.
 */
public record AttackOutcome(AttackInfo info, Trace trace, List<AttackStep> steps, List<String> failedPostconditions,
                            List<String> violations, Optional<String> setupFailure) {
    public AttackOutcome {
        steps = List.copyOf(steps);
        failedPostconditions = List.copyOf(failedPostconditions);
        violations = List.copyOf(violations);
    }

    /** Refused exactly as expected, post-conditions hold, no invariant broken. */
    public boolean refused() {
        return setupFailure.isEmpty() && !steps.isEmpty() && steps.stream().allMatch(AttackStep::asExpected)
                && failedPostconditions.isEmpty() && violations.isEmpty();
    }

    /** The attack steps' results, as the table prints them. */
    public String results() {
        StringBuilder b = new StringBuilder();
        for (AttackStep s : steps) b.append(b.length() == 0 ? "" : "; ").append(s.actual());
        return b.toString();
    }

    /** The attack steps' expected results. */
    public String expected() {
        StringBuilder b = new StringBuilder();
        for (AttackStep s : steps) b.append(b.length() == 0 ? "" : "; ").append(s.expected());
        return b.toString();
    }
}
