package pvspec.properties.shrink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pvspec.model.state.Config;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TracePrinter;
import pvspec.model.trace.TraceStep;
import pvspec.model.trace.TraceSyntaxException;

/**
 * Simpler versions of one step, made on its trace text so that every request kind is covered
 * without code per kind: a batch loses one element, a caller loses its vCPU or user mode, a
 * number becomes 0, 1 or half itself. Candidates that no longer parse are skipped.
 */
final class Simplifier {
    private Simplifier() {}

    private static final Pattern NUMBER = Pattern.compile("(?<=[=\\[,.:])-?(0x[0-9a-f]+|\\d+)");

    static List<TraceStep> candidates(Config c, TraceStep step) {
        String line = TracePrinter.step(c, step.caller(), step.call(), java.util.Optional.empty());
        Set<String> texts = new LinkedHashSet<>();
        dropBatchElements(line, texts);
        String caller = line.substring(0, line.indexOf(':'));
        String rest = line.substring(line.indexOf(':'));
        if (caller.contains(".v")) texts.add(caller.replaceAll("\\.v\\d+", "") + rest);
        if (caller.contains("/user")) texts.add(caller.replace("/user", "") + rest);
        Matcher m = NUMBER.matcher(rest);
        while (m.find()) {
            long v = parse(m.group());
            for (long smaller : new long[] {0, 1, v / 2}) {
                if (smaller == v || Math.abs(smaller) > Math.abs(v)) continue;
                texts.add(caller + rest.substring(0, m.start()) + smaller + rest.substring(m.end()));
            }
        }
        List<TraceStep> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(Trace.parse("candidate", TracePrinter.config(c) + "\n" + t + "\n").steps().get(0));
            } catch (TraceSyntaxException | RuntimeException e) {
                // Not every edit still parses (or fits a Config); those candidates are skipped.
            }
        }
        return out;
    }

    /** mmu_update pairs and mmuext_op commands, one at a time removed. */
    private static void dropBatchElements(String line, Set<String> out) {
        if (line.contains(" ; ")) {
            String head = line.substring(0, line.indexOf("mmuext_op ") + 10);
            String[] ops = line.substring(head.length()).split(" ; ");
            for (int i = 0; i < ops.length && ops.length > 1; i++) {
                List<String> kept = new ArrayList<>(List.of(ops));
                kept.remove(i);
                out.add(head + String.join(" ; ", kept));
            }
        }
        Matcher m = Pattern.compile(" ptr=\\S+ val=\\S+").matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.size() > 1) for (int[] s : spans) out.add(line.substring(0, s[0]) + line.substring(s[1]));
    }

    private static long parse(String s) {
        boolean neg = s.startsWith("-");
        String b = neg ? s.substring(1) : s;
        long v = b.startsWith("0x") ? Long.parseUnsignedLong(b.substring(2), 16) : Long.parseLong(b);
        return neg ? -v : v;
    }
}
