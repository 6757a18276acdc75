package pvspec.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;

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
 */
public record CheckReport(String config, Status status, int depth, List<Long> levelSizes, boolean partialLastLevel, long transitions, long skipped,
                          long elapsedMillis, int threads, long statesChecked, long stepChecks, Coverage coverage,
                          Optional<Counterexample> counterexample, Optional<Divergence> divergence,
                          OptionalDouble collisionProbability, List<String> reductions, boolean conformance) {

    public CheckReport {
        levelSizes = List.copyOf(levelSizes);
        reductions = List.copyOf(reductions);
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
        return counterexample.isEmpty() && divergence.isEmpty();
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
        row(b, "invariants", String.format("INV-1..INV-13 on %,d states; step-level parts on %,d transitions", statesChecked, stepChecks));
        row(b, "visited set", collisionProbability.isPresent()
                ? String.format("64-bit fingerprints (probability of a collision <= %.1e)", collisionProbability.getAsDouble())
                : "exact (state encodings)");
        for (int i = 0; i < reductions.size(); i++) row(b, i == 0 ? "reductions" : "", reductions.get(i));
        row(b, "conformance", conformance ? (divergence.isPresent() ? "DIVERGENCE (below)" : "every executed transition matched the model") : "off");
        b.append(coverageSummary());
        counterexample.ifPresent(c -> b.append('\n').append(c.print()));
        divergence.ifPresent(d -> b.append('\n').append(d.print()));
        return b.toString();
    }

    /** Kinds and codes: how many were exercised, which were not, and which the model never produces. */
    public String coverageSummary() {
        StringBuilder b = new StringBuilder();
        List<String> never = coverage.kindsNeverRun();
        row(b, "request kinds", (Kinds.ALL.size() - never.size()) + " of " + Kinds.ALL.size() + " ran"
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
        if (!notInModel.isEmpty()) row(b, "", "returned by no rule of the model (unreachable): " + String.join(", ", notInModel));
        return b.toString();
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append(String.format("  %-14s %s%n", key, value));
    }
}
