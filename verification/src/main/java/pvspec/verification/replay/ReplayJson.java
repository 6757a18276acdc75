package pvspec.verification.replay;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pvspec.model.abi.check.Reply;
import pvspec.model.invariant.Violation;
import pvspec.model.state.Config;
import pvspec.model.trace.TracePrinter;

/**
 * {@code pvspec replay --json}: one JSON object per replayed step, one per line. Each has the
 * step's {@code line} and {@code request}, an object per implementation (the model first) with
 * its {@code result} and, when refused, the {@code check} that refused it, the ids of the
 * violated {@code invariants} (empty when all hold) and, on the failing step, the
 * {@code problem}.
 */
public final class ReplayJson {
    private ReplayJson() {}

    public static String line(Config config, List<String> implementations, Replayer.Row row) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"line\":").append(row.step().line());
        String request = TracePrinter.caller(row.step().caller()) + ": " + TracePrinter.call(config, row.step().call());
        b.append(",\"request\":").append(string(request));
        for (int i = 0; i < implementations.size(); i++) {
            Reply r = row.replies().get(i);
            b.append(',').append(string(implementations.get(i))).append(":{\"result\":").append(string(r.result().toString()));
            r.check().ifPresent(c -> b.append(",\"check\":").append(string(c.id())));
            b.append('}');
        }
        Set<String> broken = new LinkedHashSet<>();
        for (Violation v : row.violations()) broken.add(v.invariant());
        b.append(",\"invariants\":[");
        int k = 0;
        for (String id : broken) b.append(k++ == 0 ? "" : ",").append(string(id));
        b.append(']');
        row.problem().ifPresent(p -> b.append(",\"problem\":").append(string(p)));
        return b.append('}').toString();
    }

    /** A JSON string literal. */
    public static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
