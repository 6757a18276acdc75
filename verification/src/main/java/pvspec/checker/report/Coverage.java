package pvspec.checker.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pvspec.checker.config.Kinds;
import pvspec.checker.config.Request;
import pvspec.checker.config.RequestSpace;
import pvspec.model.abi.Result;

/**
 * Which request kinds ran and which result codes they returned, counted over every executed
 * transition. One instance per worker; {@link #add} merges them.
 */
public final class Coverage {
    private final List<String> kinds;
    private final Map<String, Integer> kindIndex;
    private final long[][] counts;
    /** Per request of the space: executions that succeeded, and all executions. */
    private final long[] succeeded;
    private final long[] executed;

    /** The kinds some request of the space has. */
    private final Set<String> inSpace;

    Coverage(List<String> kinds, Set<String> inSpace, int requests) {
        this.kinds = List.copyOf(kinds);
        this.inSpace = Set.copyOf(inSpace);
        this.kindIndex = new LinkedHashMap<>();
        for (int i = 0; i < kinds.size(); i++) kindIndex.put(kinds.get(i), i);
        this.counts = new long[kinds.size()][ResultCodes.ALL.size()];
        this.succeeded = new long[requests];
        this.executed = new long[requests];
    }

    /** The kinds of ABI v1 and any others (batches) the request space holds. */
    public static Coverage forSpace(RequestSpace space) {
        List<String> kinds = new ArrayList<>(Kinds.ALL);
        Set<String> inSpace = new HashSet<>();
        for (Request r : space.all()) {
            if (!kinds.contains(r.kind())) kinds.add(r.kind());
            inSpace.add(r.kind());
        }
        return new Coverage(kinds, inSpace, space.size());
    }

    public Coverage fresh() {
        return new Coverage(kinds, inSpace, executed.length);
    }

    /** Kinds of ABI v1 no request of the space has (a check file's own templates leave most out). */
    public List<String> kindsNotInSpace() {
        List<String> out = new ArrayList<>();
        for (String k : Kinds.ALL) if (!inSpace.contains(k)) out.add(k);
        return out;
    }

    public int kindIndex(String kind) {
        return kindIndex.get(kind);
    }

    public void record(int kind, int request, Result r) {
        counts[kind][ResultCodes.of(r)]++;
        executed[request]++;
        if (r.succeeded()) succeeded[request]++;
    }

    /**
     * Coverage as one flat array of counters, for engines that add counts up elsewhere (the
     * Spark backend's accumulators): kinds by result codes, then per request its executions,
     * then its successes. {@link #tally} counts one transition into it, {@link #fromTally} reads it.
     */
    public int tallySize() {
        return counts.length * ResultCodes.ALL.size() + 2 * executed.length;
    }

    public static void tally(long[] t, int kind, int request, int requests, Result r) {
        t[kind * ResultCodes.ALL.size() + ResultCodes.of(r)]++;
        int base = t.length - 2 * requests;
        t[base + request]++;
        if (r.succeeded()) t[base + requests + request]++;
    }

    /** A fresh coverage of the same space holding the counts of {@code t} (of {@link #tallySize} counters). */
    public Coverage fromTally(long[] t) {
        if (t.length != tallySize()) throw new IllegalArgumentException("a tally of another request space");
        Coverage c = fresh();
        int codes = ResultCodes.ALL.size();
        for (int k = 0; k < counts.length; k++) System.arraycopy(t, k * codes, c.counts[k], 0, codes);
        int base = counts.length * codes;
        System.arraycopy(t, base, c.executed, 0, executed.length);
        System.arraycopy(t, base + executed.length, c.succeeded, 0, executed.length);
        return c;
    }

    /** A copy of the counts (kinds by result codes), for a checkpoint. */
    public long[][] counts() {
        long[][] out = new long[counts.length][];
        for (int k = 0; k < counts.length; k++) out[k] = counts[k].clone();
        return out;
    }

    /** Adds counts taken with {@link #counts} from a search over the same request space. */
    public void add(long[][] c) {
        if (c.length != counts.length) throw new IllegalArgumentException("coverage of another request space");
        for (int k = 0; k < counts.length; k++) for (int i = 0; i < counts[k].length; i++) counts[k][i] += c[k][i];
    }

    public void add(Coverage o) {
        for (int k = 0; k < counts.length; k++) for (int c = 0; c < counts[k].length; c++) counts[k][c] += o.counts[k][c];
        for (int i = 0; i < executed.length; i++) {
            executed[i] += o.executed[i];
            succeeded[i] += o.succeeded[i];
        }
    }

    /** One request template's record: how often its requests ran, succeeded and were refused. */
    public record TemplateCount(RequestSpace.Template template, long requests, long executed, long succeeded) {
        public long refused() {
            return executed - succeeded;
        }
    }

    /** Per template of {@code space} (TLC's -coverage): transitions executed, succeeded and refused (reduction-skipped ones not counted). */
    public List<TemplateCount> byTemplate(RequestSpace space) {
        int n = space.templates().size();
        long[] reqs = new long[n];
        long[] ex = new long[n];
        long[] ok = new long[n];
        for (int i = 0; i < space.size(); i++) {
            int t = space.templateOf(i);
            reqs[t]++;
            ex[t] += executed[i];
            ok[t] += succeeded[i];
        }
        List<TemplateCount> out = new ArrayList<>();
        for (int t = 0; t < n; t++) out.add(new TemplateCount(space.templates().get(t), reqs[t], ex[t], ok[t]));
        return out;
    }

    /** How often {@code kind} returned {@code code} (a name from {@link ResultCodes#ALL}). */
    public long count(String kind, String code) {
        Integer k = kindIndex.get(kind);
        return k == null ? 0 : counts[k][ResultCodes.ALL.indexOf(code)];
    }

    public long executions(String kind) {
        Integer k = kindIndex.get(kind);
        if (k == null) return 0;
        long n = 0;
        for (long c : counts[k]) n += c;
        return n;
    }

    /** Kinds of ABI v1 that never ran. */
    public List<String> kindsNeverRun() {
        List<String> out = new ArrayList<>();
        for (String k : Kinds.ALL) if (executions(k) == 0) out.add(k);
        return out;
    }

    /** Kinds of ABI v1 that never succeeded (ran, but only ever refused). */
    public List<String> kindsNeverSucceeded() {
        List<String> out = new ArrayList<>();
        for (String k : Kinds.ALL) if (executions(k) > 0 && count(k, "OK") + count(k, "GNTST_okay") == 0) out.add(k);
        return out;
    }

    /** Result codes some transition returned. */
    public List<String> codesSeen() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < ResultCodes.ALL.size(); c++) {
            long n = 0;
            for (long[] row : counts) n += row[c];
            if (n > 0) out.add(ResultCodes.ALL.get(c));
        }
        return out;
    }

    /** Result codes no transition returned, though some rule of the model can return them. */
    public List<String> codesNotReached() {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(codesSeen());
        for (String c : ResultCodes.ALL) if (!seen.contains(c) && ModelCodes.PRODUCIBLE.contains(c)) out.add(c);
        return out;
    }

    /** Result codes of the ABI that no rule of the model ever returns. */
    public List<String> codesNotInModel() {
        List<String> out = new ArrayList<>();
        for (String c : ResultCodes.ALL) if (!ModelCodes.PRODUCIBLE.contains(c)) out.add(c);
        return out;
    }

    /** The coverage table: one line per kind with its executions and the codes it returned. */
    public String table() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < kinds.size(); k++) {
            long n = executions(kinds.get(k));
            if (n == 0 && !Kinds.ALL.contains(kinds.get(k))) continue;
            b.append(String.format("  %-34s %,14d  ", kinds.get(k), n));
            List<String> codes = new ArrayList<>();
            for (int c = 0; c < ResultCodes.ALL.size(); c++) if (counts[k][c] > 0) codes.add(ResultCodes.ALL.get(c));
            b.append(n == 0 ? "NEVER RUN" : String.join(" ", codes)).append('\n');
        }
        return b.toString();
    }
}
