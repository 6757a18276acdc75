package pvspec.checker.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.config.Request;
import pvspec.checker.config.StepFunction;
import pvspec.checker.config.Symmetry;
import pvspec.checker.reduction.Canonicalizer;
import pvspec.checker.reduction.SymmetryAnalysis;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Coverage;
import pvspec.checker.report.Status;
import pvspec.checker.store.ByteSink;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Invariants;
import pvspec.model.abi.Result;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;

/**
 * The stateless pieces of the built-in search, public for other engines (the Spark backend):
 * the initial state, one step, the key of a state (fingerprint of its canonical encoding), the
 * checks on a transition, and the report. An engine that numbers each level as {@link Search}
 * does (by least path) finds the same states at the same depths with the same shortest traces.
 *
 * <p>Not thread-safe (it keeps encoding buffers): one per worker thread.
 */
public final class LevelKernel {
    /** What a transition to a state not seen before is: nothing wrong, a violation, or a reach query's witness. */
    public enum Verdict { NONE, VIOLATION, WITNESS }

    private final CheckConfig cfg;
    private final StepFunction model;
    private final Request[] req;
    private final Canonicalizer canon;
    private final List<String> reductions = new java.util.ArrayList<>();
    private final Scenario.Run scenario;
    private final ByteSink sink = new ByteSink();
    private final ByteSink scratch = new ByteSink();
    private final Coverage coverage;
    private final int[] kindOf;

    /** The kernel for {@code cfg} with the symmetry reductions of {@code options} that are sound for it (as the built-in search decides). */
    public LevelKernel(CheckConfig cfg, Options options) {
        Options o = ModelChecker.effective(cfg.properties(), options);
        this.cfg = cfg;
        this.model = o.model();
        this.req = cfg.requests().all().toArray(new Request[0]);
        if (req.length >= 1 << 24) throw new IllegalArgumentException("at most 2^24 requests");
        this.scenario = Scenario.run(cfg.scenario(), model);
        Map<Symmetry, String> verdicts = SymmetryAnalysis.analyse(o.symmetry(), cfg.config(), scenario.state(), cfg.requests());
        reductions.add("independence: off (every request runs on every state)");
        reductions.addAll(SymmetryAnalysis.describe(verdicts));
        if (!cfg.properties().isEmpty()) reductions.add("symmetry: off (the run's own properties may name particular domains, frames and references)");
        this.coverage = Coverage.forSpace(cfg.requests());
        this.kindOf = new int[req.length];
        for (int i = 0; i < req.length; i++) kindOf[i] = coverage.kindIndex(req[i].kind());
        this.canon = new Canonicalizer(cfg.config(), "".equals(verdicts.get(Symmetry.GRANT_REFS)), "".equals(verdicts.get(Symmetry.DOMUS)));
    }

    public CheckConfig config() {
        return cfg;
    }

    public int requests() {
        return req.length;
    }

    /** The state the search starts from (the scenario's final state). */
    public State root() {
        return scenario.state();
    }

    /** The report when the search ends before its first step: the scenario or the initial state already breaks something. */
    public Optional<CheckReport> atRoot() {
        if (scenario.violation().isPresent()) return Optional.of(report(Status.VIOLATION, 0, List.of(), 0, 0, 1, Found.ofScenario(scenario)));
        Found f = Traces.atRoot(cfg, scenario.trace(), root());
        if (f == null) return Optional.empty();
        return Optional.of(report(f.witness().isPresent() ? Status.WITNESS : Status.VIOLATION, 0, List.of(), 0, 0, 1, f));
    }

    /** The state at the end of {@code path} (request ids) from the root. */
    public State replay(int[] path) {
        State s = root();
        for (int b : path) s = step(s, b).state();
        return s;
    }

    public Outcome step(State s, int request) {
        Request r = req[request];
        return model.step(s, r.caller(), r.call());
    }

    /** How many counters a coverage tally of this request space has (see {@link #tally}). */
    public int tallySize() {
        return coverage.tallySize();
    }

    /** Counts one executed transition (request {@code request}, result {@code r}) into a coverage tally of {@link #tallySize} counters. */
    public void tally(long[] t, int request, Result r) {
        Coverage.tally(t, kindOf[request], request, req.length, r);
    }

    /** The 64-bit fingerprint of the canonical encoding of {@code s} (its key in fingerprint mode). */
    public long fingerprint(State s) {
        canon.key(s, sink, scratch);
        return sink.hash64();
    }

    /** Whether the search expands {@code s} (every constraint of the run holds in it). */
    public boolean expands(State s) {
        return cfg.properties().expand(s);
    }

    /** The invariants' step constraints on a transition to a state already checked: true if one is broken. */
    public boolean stepBroken(State x, int request, Outcome o) {
        Request r = req[request];
        for (Invariant inv : Invariants.ALL) {
            if (!inv.stepConstraint(x, r.caller(), r.call(), o.result(), o.state()).isEmpty()) return true;
        }
        return false;
    }

    /** The checks on the least transition to a state not seen before: every invariant and step constraint, then the reach queries. */
    public Verdict onNewState(State x, int request, Outcome o) {
        Request r = req[request];
        if (!cfg.properties().checkStep(x, r.caller(), r.call(), o.result(), o.state()).isEmpty()) return Verdict.VIOLATION;
        return cfg.properties().reached(o.state()).isPresent() ? Verdict.WITNESS : Verdict.NONE;
    }

    /**
     * The report of a search that ended with {@code status} after exploring {@code levelSizes}
     * (depth 0 first). {@code path} is the shortest path to what was found ({@code verdict}
     * VIOLATION or WITNESS) and is replayed into a trace; null when nothing was found.
     */
    public CheckReport report(Status status, int depth, List<Long> levelSizes, long transitions, long elapsedMillis, int workers,
                              List<Integer> path, Verdict verdict) {
        return report(status, depth, levelSizes, transitions, elapsedMillis, workers, path, verdict, new long[tallySize()]);
    }

    /** As {@link #report(Status, int, List, long, long, int, List, Verdict)}, with the coverage of every executed transition ({@link #tally}). */
    public CheckReport report(Status status, int depth, List<Long> levelSizes, long transitions, long elapsedMillis, int workers,
                              List<Integer> path, Verdict verdict, long[] tally) {
        Found f = null;
        if (path != null && verdict == Verdict.WITNESS) f = Traces.witness(cfg, model, req, path);
        else if (path != null) f = Traces.build(cfg, model, req, path, null);
        return report(status, depth, levelSizes, transitions, elapsedMillis, workers, f, coverage.fromTally(tally));
    }

    private CheckReport report(Status status, int depth, List<Long> levelSizes, long transitions, long elapsedMillis, int workers, Found found) {
        return report(status, depth, levelSizes, transitions, elapsedMillis, workers, found, coverage.fresh());
    }

    private CheckReport report(Status status, int depth, List<Long> levelSizes, long transitions, long elapsedMillis, int workers, Found found,
                               Coverage cov) {
        long states = 0;
        for (long n : levelSizes) states += n;
        return new CheckReport(cfg.name(), status, depth, levelSizes, false, transitions, 0, elapsedMillis, workers, states, 0, cov,
                found == null ? Optional.empty() : found.counterexample(), Optional.empty(),
                OptionalDouble.of(Visited.collisionProbability(states)), reductions, false,
                found == null ? Optional.empty() : found.witness(), cfg.properties(), cov.byTemplate(cfg.requests()));
    }

    /** The symmetry reductions the built-in default uses, for engines that take no options. */
    public static Set<Symmetry> allSymmetries() {
        return Options.defaults().symmetry();
    }
}
