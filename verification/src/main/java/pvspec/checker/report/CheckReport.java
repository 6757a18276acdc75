package pvspec.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import pvspec.checker.config.CheckProperties;
import pvspec.checker.config.Kinds;
import pvspec.checker.config.NamedPredicate;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.check.Unreturned;

/**
 * What a check found: how it ended, how much it explored, coverage, and the counterexample or
 * divergence if it stopped at one. {@link #summary()} is the table {@code pvspec check} prints.
 *
 * @param config the configuration's name
 * @param status how the search ended
 * @param depth the depth explored completely ({@link Status#FIXPOINT}: the deepest level;
 *     cut searches: the last level every state of which was found and checked), or the length
 *     after the scenario of the counterexample or divergence
 * @param levelSizes distinct states found at each depth (0 is the scenario's final state)
 * @param partialLastLevel the last level was only partly explored (the search stopped in it)
 * @param transitions requests executed
 * @param skipped transitions the independence reduction did not need to execute
 * @param elapsedMillis wall-clock time of the search
 * @param threads worker threads
 * @param statesChecked states checked against every invariant
 * @param stepChecks transitions whose step-level invariant parts were evaluated
 * @param collisionProbability fingerprint mode: the chance that two distinct states shared a fingerprint
 * @param reductions what each reduction did, in words
 * @param conformance whether an implementation was compared on every transition
 * @param witness the shortest trace to a state where a reach query holds, if the search stopped at one
 * @param properties the run's invariants, constraints and reach queries beyond INV-1..INV-13
 * @param templates per request template: how often its requests ran, succeeded and were refused
 */
public record CheckReport(String config, Status status, int depth, List<Long> levelSizes, boolean partialLastLevel, long transitions, long skipped,
                          long elapsedMillis, int threads, long statesChecked, long stepChecks, Coverage coverage,
                          Optional<Counterexample> counterexample, Optional<Divergence> divergence,
                          OptionalDouble collisionProbability, List<String> reductions, boolean conformance,
                          Optional<Witness> witness, CheckProperties properties, List<Coverage.TemplateCount> templates) {

    public CheckReport {
        levelSizes = List.copyOf(levelSizes);
        reductions = List.copyOf(reductions);
        templates = List.copyOf(templates);
    }

    public long states() {
        long n = 0;
        for (long s : levelSizes) n += s;
        return n;
    }

    public boolean complete() {
        return status.complete();
    }

    /** Nothing was found wrong (which proves something only if the search was also {@link #complete()}). */
    public boolean holds() {
        return counterexample.isEmpty() && divergence.isEmpty() && witness.isEmpty();
    }

    /** In one word, what a CI acts on: holds, violation, divergence, witness, or inconclusive (cut before finding anything). */
    public String outcome() {
        switch (status) {
            case VIOLATION: return "violation";
            case DIVERGENCE: return "divergence";
            case WITNESS: return "witness";
            default: return complete() ? "holds" : "inconclusive";
        }
    }

    public double statesPerSecond() {
        return states() / Math.max(elapsedMillis / 1000.0, 1e-3);
    }

    /** The verdict line: never says "complete" for a search that was cut or stopped. */
    public String verdict() {
        switch (status) {
            case FIXPOINT: return "COMPLETE: every reachable state explored (fixpoint at depth " + depth + ")";
            case COMPLETE_TO_DEPTH: return "COMPLETE to depth " + depth + " (not a fixpoint: deeper states exist)";
            case CUT_BY_STATES: return "CUT by the state bound: NOT complete (every state within depth " + depth + " checked)";
            case CUT_BY_TIME: return "CUT by the time limit: NOT complete (every state within depth " + depth + " checked)";
            case VIOLATION: return "VIOLATION of " + String.join(", ", counterexample.get().invariants()) + " after " + depth + " steps";
            case WITNESS: return "WITNESS for reach " + witness.get().query().name() + " after " + depth + " steps";
            default: return "DIVERGENCE from the model after " + depth + " steps";
        }
    }

    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append("pvspec check ").append(config).append(": ").append(verdict()).append('\n');
        List<String> sizes = new ArrayList<>();
        for (long s : levelSizes) sizes.add(String.format("%,d", s));
        if (partialLastLevel) sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + " (partly explored)");
        row(b, "states", String.format("%,d distinct   (by depth: %s)", states(), String.join(" / ", sizes)));
        row(b, "transitions", String.format("%,d executed, %,d skipped by the independence reduction", transitions, skipped));
        row(b, "depth", (levelSizes.size() - 1) + (partialLastLevel ? " (the last level partly)" : ""));
        row(b, "time", String.format("%.1f s on %d thread%s", elapsedMillis / 1000.0, threads, threads == 1 ? "" : "s"));
        row(b, "states/s", String.format("%,.0f", statesPerSecond()));
        StringBuilder own = new StringBuilder();
        for (pvspec.model.invariant.Invariant i : properties.invariants()) own.append(", ").append(i.id());
        row(b, "invariants", String.format("INV-1..INV-13%s on %,d states; step-level parts on %,d transitions", own, statesChecked, stepChecks));
        for (int i = 0; i < properties.constraints().size(); i++) {
            NamedPredicate c = properties.constraints().get(i);
            row(b, i == 0 ? "constraints" : "", c.text() + "   (line " + c.line() + ")");
        }
        for (int i = 0; i < properties.reach().size(); i++) row(b, i == 0 ? "reach" : "", reachVerdict(properties.reach().get(i)));
        row(b, "visited set", collisionProbability.isPresent()
                ? String.format("64-bit fingerprints (probability of a collision <= %.1e)", collisionProbability.getAsDouble())
                : "exact (state encodings)");
        for (int i = 0; i < reductions.size(); i++) row(b, i == 0 ? "reductions" : "", reductions.get(i));
        row(b, "conformance", conformance ? (divergence.isPresent() ? "DIVERGENCE (below)" : "every executed transition matched the model") : "off");
        b.append(coverageSummary());
        counterexample.ifPresent(c -> b.append('\n').append(c.print()));
        witness.ifPresent(w -> b.append('\n').append(w.print()));
        divergence.ifPresent(d -> b.append('\n').append(d.print()));
        return b.toString();
    }

    /** Kinds and codes: how many were exercised, which were not, and which the model never produces (each with why). */
    public String coverageSummary() {
        StringBuilder b = new StringBuilder();
        List<String> never = coverage.kindsNeverRun();
        List<String> absent = coverage.kindsNotInSpace();
        never.removeAll(absent);
        row(b, "request kinds", (Kinds.ALL.size() - never.size() - absent.size()) + " of " + Kinds.ALL.size() + " ran"
                + (absent.isEmpty() ? "" : " (" + absent.size() + " have no request in the request space)")
                + (never.isEmpty() ? "" : "; never: " + String.join(", ", never)));
        List<String> neverOk = coverage.kindsNeverSucceeded();
        if (!neverOk.isEmpty()) row(b, "", "never succeeded: " + String.join(", ", neverOk));
        List<String> seen = coverage.codesSeen();
        int errnos = 0;
        for (Errno e : Errno.values()) if (seen.contains(e.name())) errnos++;
        int gnts = 0;
        for (Gntst g : Gntst.values()) if (seen.contains(g.name())) gnts++;
        row(b, "error codes", errnos + " of " + Errno.values().length + " errno values, " + gnts + " of " + Gntst.values().length + " GNTST statuses returned");
        List<String> notReached = coverage.codesNotReached();
        if (!notReached.isEmpty()) row(b, "", "not reached within the bounds: " + String.join(", ", notReached));
        List<String> notInModel = coverage.codesNotInModel();
        if (!notInModel.isEmpty()) row(b, "", "returned by no rule of the model (unreachable), each with where Xen returns it and why the model does not:");
        for (String code : notInModel) row(b, "", "  " + code + Unreturned.of(code).map(u -> ": " + u.why()).orElse(""));
        return b.toString();
    }

    private String reachVerdict(NamedPredicate q) {
        String head = q.name() + " (" + q.text() + "): ";
        if (witness.isPresent() && witness.get().query().name().equals(q.name())) return head + "REACHED, witness of " + depth + " steps below";
        if (complete()) return head + "unreachable within the bounds";
        return head + "not reached before the search stopped";
    }

    /** The TLC -coverage table: per request template, its requests, and how often they succeeded and were refused. */
    public String templateTable() {
        StringBuilder b = new StringBuilder(String.format("  %5s  %9s %14s %14s  %s%n", "line", "requests", "succeeded", "refused", "template"));
        for (Coverage.TemplateCount t : templates) {
            b.append(String.format("  %5s  %,9d %,14d %,14d  %s%n", t.template().line() == 0 ? "-" : Integer.toString(t.template().line()), t.requests(),
                    t.succeeded(), t.refused(), t.template().text()));
        }
        return b.toString();
    }

    /** The report as JSON (the same facts as {@link #summary()}, and the per-template coverage). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", config);
        m.put("outcome", outcome());
        m.put("status", status.name());
        m.put("verdict", verdict());
        m.put("complete", complete());
        m.put("states", states());
        m.put("statesByDepth", levelSizes);
        m.put("lastLevelPartial", partialLastLevel);
        m.put("depth", depth);
        m.put("transitions", transitions);
        m.put("skippedByReduction", skipped);
        m.put("elapsedMillis", elapsedMillis);
        m.put("threads", threads);
        m.put("statesPerSecond", statesPerSecond());
        m.put("statesChecked", statesChecked);
        m.put("stepChecks", stepChecks);
        m.put("collisionProbability", collisionProbability.isPresent() ? collisionProbability.getAsDouble() : null);
        m.put("reductions", reductions);
        m.put("conformance", conformance);
        List<String> invs = new ArrayList<>();
        for (pvspec.model.invariant.Invariant i : properties.invariants()) invs.add(i.id());
        m.put("invariants", invs);
        List<String> cons = new ArrayList<>();
        for (NamedPredicate c : properties.constraints()) cons.add(c.text());
        m.put("constraints", cons);
        Map<String, Object> reach = new LinkedHashMap<>();
        for (NamedPredicate q : properties.reach()) reach.put(q.name(), reachVerdict(q));
        m.put("reach", reach);
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (String k : Kinds.ALL) kinds.put(k, coverage.executions(k));
        m.put("executionsByKind", kinds);
        List<Object> ts = new ArrayList<>();
        for (Coverage.TemplateCount t : templates) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("template", t.template().text());
            e.put("line", t.template().line());
            e.put("requests", t.requests());
            e.put("executed", t.executed());
            e.put("succeeded", t.succeeded());
            e.put("refused", t.refused());
            ts.add(e);
        }
        m.put("templates", ts);
        m.put("counterexample", counterexample.map(Counterexample::print).orElse(null));
        m.put("witness", witness.map(Witness::print).orElse(null));
        m.put("divergence", divergence.map(Divergence::print).orElse(null));
        return Json.write(m);
    }

    /** The trace worth keeping: the counterexample, witness or divergence, as a file {@code pvspec replay} runs. */
    public Optional<String> trace() {
        if (counterexample.isPresent()) return Optional.of(counterexample.get().print());
        if (witness.isPresent()) return Optional.of(witness.get().print());
        return divergence.map(Divergence::print);
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append(String.format("  %-14s %s%n", key, value));
    }
}
