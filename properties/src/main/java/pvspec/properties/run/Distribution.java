package pvspec.properties.run;

import java.util.Map;
import java.util.TreeMap;
import pvspec.model.abi.Result;

/**
 * How often each request kind got each kind of result in a run, so that nobody mistakes a run
 * of refusals for coverage.
 */
public final class Distribution {
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private long steps;

    public void add(String kind, Result r) {
        counts.computeIfAbsent(kind, k -> new TreeMap<>()).merge(resultClass(r), 1, Integer::sum);
        steps++;
    }

    public void addAll(Distribution other) {
        other.counts.forEach((k, m) -> m.forEach((r, n) -> counts.computeIfAbsent(k, x -> new TreeMap<>()).merge(r, n, Integer::sum)));
        steps += other.steps;
    }

    /** The result without its number: OK, value, fault, an error name. */
    static String resultClass(Result r) {
        if (r instanceof Result.Value || r instanceof Result.Extents) return "value";
        if (r instanceof Result.Partial) return ((Result.Partial) r).errno().name();
        return r.toString();
    }

    public long steps() {
        return steps;
    }

    /** How many requests of {@code kind} succeeded. */
    public int succeeded(String kind) {
        Map<String, Integer> m = counts.getOrDefault(kind, Map.of());
        return m.getOrDefault("OK", 0) + m.getOrDefault("value", 0) + m.getOrDefault("GNTST_okay", 0);
    }

    public Map<String, Map<String, Integer>> counts() {
        return counts;
    }

    /** One line per request kind: total, then each result with its share. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format("%-36s %8s  results%n", "request", "count"));
        counts.forEach((kind, m) -> {
            int total = m.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder rs = new StringBuilder();
            m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                    .forEach(e -> rs.append(String.format(" %s %d%%", e.getKey(), Math.round(100.0 * e.getValue() / total))));
            b.append(String.format("%-36s %8d %s%n", kind, total, rs));
        });
        return b.toString();
    }
}
