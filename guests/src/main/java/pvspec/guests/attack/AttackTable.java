package pvspec.guests.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code pvspec attack} prints: attack, XSA and bug class, the expected refusal, what
 * each implementation returned, and whether every invariant held.
 */
public final class AttackTable {
    private AttackTable() {}

    /** One implementation's outcomes. */
    public static String render(List<AttackOutcome> outcomes) {
        Map<String, List<AttackOutcome>> one = new LinkedHashMap<>();
        one.put("result", outcomes);
        return render(one);
    }

    /** Outcomes per implementation (same attacks in the same order for each). */
    public static String render(Map<String, List<AttackOutcome>> byTarget) {
        List<String> names = new ArrayList<>(byTarget.keySet());
        List<AttackOutcome> first = byTarget.get(names.get(0));
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("attack", "XSA / bug class", "expected"));
        header.addAll(names);
        header.add("invariants");
        row(b, header);
        int refused = 0;
        for (int i = 0; i < first.size(); i++) {
            AttackOutcome o = first.get(i);
            List<String> cells = new ArrayList<>(List.of(o.info().name(), o.info().xsa() + " " + o.info().bugClass(), o.expected()));
            boolean all = true;
            boolean invariants = true;
            for (String n : names) {
                AttackOutcome t = byTarget.get(n).get(i);
                String verdict = t.refused() ? "" : t.setupFailure().isPresent() ? "  [SET-UP FAILED]" : "  [NOT REFUSED]";
                cells.add(t.results() + verdict);
                all &= t.refused();
                invariants &= t.violations().isEmpty();
            }
            cells.add(invariants ? "hold" : "BROKEN");
            if (all) refused++;
            row(b, cells);
        }
        b.append(refused).append(" of ").append(first.size()).append(" attacks refused as expected by ").append(String.join(" and ", names)).append('\n');
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        StringBuilder fmt = new StringBuilder("%-34s %-52s %-40s");
        for (int i = 3; i < cells.size() - 1; i++) fmt.append(" %-40s");
        fmt.append(" %s%n");
        b.append(String.format(fmt.toString(), cells.toArray()));
    }
}
