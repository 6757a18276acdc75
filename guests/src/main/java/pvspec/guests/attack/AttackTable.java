package pvspec.guests.attack;

import java.util.List;

/** The table {@code pvspec attack} prints: attack, bug class, expected refusal, result. */
public final class AttackTable {
    private AttackTable() {}

    public static String render(List<AttackOutcome> outcomes) {
        StringBuilder b = new StringBuilder();
        row(b, "attack", "XSA", "bug class", "expected", "result", "verdict");
        for (AttackOutcome o : outcomes) {
            String verdict = o.refused() ? "refused" : o.setupFailure().isPresent() ? "SET-UP FAILED" : "NOT REFUSED";
            row(b, o.info().name(), o.info().xsa(), o.info().bugClass(), o.expected(), o.results(), verdict);
        }
        long refused = outcomes.stream().filter(AttackOutcome::refused).count();
        b.append(refused).append(" of ").append(outcomes.size()).append(" attacks refused\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String... cells) {
        b.append(String.format("%-36s %-8s %-46s %-34s %-34s %s%n", (Object[]) cells));
    }
}
