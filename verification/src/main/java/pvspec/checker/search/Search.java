package pvspec.checker.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Implementation;
import pvspec.checker.config.Options;
import pvspec.checker.config.Request;
import pvspec.checker.config.StepFunction;
import pvspec.checker.config.Symmetry;
import pvspec.checker.reduction.Canonicalizer;
import pvspec.checker.reduction.ParentTable;
import pvspec.checker.reduction.SymmetryAnalysis;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Coverage;
import pvspec.checker.report.Progress;
import pvspec.checker.report.ProgressListener;
import pvspec.checker.report.Status;
import pvspec.checker.store.ByteSink;
import pvspec.checker.store.Checkpoint;
import pvspec.checker.store.Hash64;
import pvspec.checker.store.NodeStore;
import pvspec.model.invariant.Invariants;
import pvspec.model.state.State;

/**
 * Level-synchronous breadth-first search.
 *
 * <p>Level {@code L} is expanded by all threads at once ({@link Expander}): they take runs of
 * sibling states from a shared counter, run every request of the request space on each state,
 * and insert successors into a concurrent map for level {@code L+1}; states of earlier levels are
 * in the {@link Visited} set, which changes only between levels. When a level is done, its new
 * states are sorted by their least incoming edge (parent id, request id) and numbered in that
 * order. Since parents were numbered the same way, each state's parent link is the last step of
 * its lexicographically least shortest path, and the numbering, the parent links and every trace
 * are the same whatever the number of threads. The first level with a violation (or divergence)
 * ends the search, and of its violating transitions the least is reported: a shortest trace.
 *
 * <h2>Checks</h2>
 * A transition to a new state is checked with {@link Invariants#checkStep} (every invariant on
 * the new state and every step-level constraint). A transition to a known state, or back to
 * its own state, was already checked as far as states go, so only the invariants that constrain
 * steps ({@code checkStep} overridden: INV-10 and INV-11 today) run on it; a refused request
 * that left the state as it was has no step to constrain and skips them too.
 *
 * <h2>The independence reduction</h2>
 * To expand a run of siblings {@code X = P·a}, the footprint of every request at the parent
 * {@code P} is computed once ({@link ParentTable}). Then, at {@code X}:
 * <ul>
 * <li>a request {@code b < a} independent of {@code a} at {@code P} is skipped: {@code X·b =
 *     P·b·a}, which the search reaches from the sibling {@code P·b} (a sleep set). This removes
 *     no state and lengthens no path: take the least shortest path to any state; if its step
 *     {@code t} after {@code X_i = X_{i-1}·s} were skipped, then {@code t < s} and the two commute,
 *     so swapping them gives a lesser shortest path, a contradiction. So every state is found at
 *     its true depth with the same parent link as without the reduction, and a skipped transition
 *     has an executed twin ({@code P·b}, or recursively its own twin) with the same result and
 *     the same effect, so step-level verdicts and coverage do not change either.</li>
 * <li>a request {@code b} that left {@code P} unchanged and read nothing {@code a} wrote leaves
 *     {@code X} unchanged with the same result, so it is not run again.</li>
 * </ul>
 * Conformance mode turns the reduction off: the implementation must see every transition.
 *
 * <h2>Checkpoints</h2>
 * Between levels the search's whole state is the node table (parent link and label of every
 * state), the level sizes and the counters; states and the visited set follow from the node
 * table by replaying one step per state, because the step function is deterministic and each
 * node's state is the one its least edge produced. So a {@link Checkpoint} is just those, taken
 * at the last level boundary, and recovery costs one step per state found (the search itself
 * runs every request on every state). A new state is checked where {@link Expander} creates its
 * entry in the next level: that is the place for further per-state checks.
 *
 * <p>Under symmetry a node stands for all states with its key, represented by the state its least
 * edge produced ({@link Level.Entry}), and successors are computed from that representative. The
 * argument above then holds in the graph of representatives: swapping two independent steps at
 * {@code X_{i-1}} reaches the same key through the sibling's representative and the renamed
 * request (the request space is closed under the renaming), and that path is already smaller at
 * the swapped position.
 */
final class Search {
    final CheckConfig cfg;
    final Options opt;
    final Request[] req;
    final int[] kindOf;
    final StepFunction model;
    final boolean reduce;
    final NodeStore nodes = new NodeStore();
    final Visited visited;
    final long maxStates;
    final long deadline;
    final LongAdder transitions = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder stepChecks = new LongAdder();
    final LongAdder stateChecks = new LongAdder();

    private final ProgressListener listener;
    private final int maxDepth;
    private final long start = System.nanoTime();
    private final List<String> reductions = new ArrayList<>();
    private final List<Long> levelSizes = new ArrayList<>();
    private final Coverage[] coverage;
    private final Implementation[] impls;
    private Frontier frontier;
    private Level level;

    Search(CheckConfig cfg, Options opt, ProgressListener listener) {
        this.cfg = cfg;
        this.opt = opt;
        this.listener = listener;
        this.model = opt.model();
        this.req = cfg.requests().all().toArray(new Request[0]);
        if (req.length >= 1 << 24) throw new IllegalArgumentException("at most 2^24 requests");
        Coverage proto = Coverage.forSpace(cfg.requests());
        this.kindOf = new int[req.length];
        for (Request r : req) kindOf[r.id()] = proto.kindIndex(r.kind());
        this.coverage = new Coverage[opt.threads()];
        for (int i = 0; i < coverage.length; i++) coverage[i] = proto.fresh();
        this.impls = new Implementation[opt.threads()];
        if (opt.implementation() != null) for (int i = 0; i < impls.length; i++) impls[i] = opt.implementation().get();
        this.maxDepth = opt.depth().orElse(cfg.depth().orElse(Integer.MAX_VALUE));
        this.maxStates = opt.maxStates().orElse(cfg.maxStates().orElse(Long.MAX_VALUE));
        this.deadline = opt.timeLimitMillis() > 0 ? start + opt.timeLimitMillis() * 1_000_000 : Long.MAX_VALUE;
        this.reduce = opt.independence() && opt.implementation() == null;
        if (opt.independence() && !reduce) reductions.add("independence: off (conformance mode compares every transition)");
        else reductions.add(reduce ? "independence: on" : "independence: off");
        State initial = Scenario.finalState(cfg.scenario(), model);
        Map<Symmetry, String> verdicts = SymmetryAnalysis.analyse(opt.symmetry(), cfg.config(), initial, cfg.requests());
        reductions.addAll(SymmetryAnalysis.describe(verdicts));
        if (!cfg.properties().isEmpty()) reductions.add("symmetry: off (the run's own properties may name particular domains, frames and references)");
        if (!cfg.properties().constraints().isEmpty() && !reduce) reductions.set(0, "independence: off (states outside a constraint are not expanded)");
        Canonicalizer canon = new Canonicalizer(cfg.config(), "".equals(verdicts.get(Symmetry.GRANT_REFS)), "".equals(verdicts.get(Symmetry.DOMUS)));
        this.visited = new Visited(canon, opt.fingerprint(), opt.fingerprintsInMemory(),
                opt.checkpointDir() == null ? null : opt.checkpointDir().resolve("fingerprints"));
        this.identity = identity();
    }

    /** What a checkpoint must match to be resumed by this search. */
    private long identity() {
        StringBuilder b = new StringBuilder(cfg.config().toString()).append(cfg.scenario().steps().size());
        cfg.scenario().steps().forEach(st -> b.append(st.caller()).append(st.call()));
        for (Request r : req) b.append(r.caller()).append(r.call());
        b.append(reductions).append(opt.fingerprint()).append(opt.implementation() != null);
        byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Hash64.of(bytes, 0, bytes.length);
    }

    CheckReport run() {
        Scenario.Run scenario = Scenario.run(cfg.scenario(), model);
        if (scenario.violation().isPresent()) return report(Status.VIOLATION, 0, Found.ofScenario(scenario));
        State root = scenario.state();
        Found atRoot = Traces.atRoot(cfg, scenario.trace(), root);
        if (atRoot != null) return report(atRoot.witness().isPresent() ? Status.WITNESS : Status.VIOLATION, 0, atRoot);
        List<State> prev = List.of();
        List<State> cur = List.of(root);
        long prevBase = 0;
        long curBase = 0;
        int first = 0;
        if (opt.recoverFrom() != null) {
            Checkpoint cp = readCheckpoint(opt.recoverFrom());
            List<List<State>> last = restore(cp, root);
            prev = last.get(0);
            cur = last.get(1);
            first = cp.depth();
            curBase = nodes.size() - cur.size();
            prevBase = curBase - prev.size();
        } else {
            nodes.add(-1, -1);
            stateChecks.increment(); // the scenario run checked the root
            visited.add(visited.key(root, new ByteSink(), new ByteSink()));
            levelSizes.add(1L);
        }
        mark();
        Thread hook = opt.checkpointDir() == null ? null : new Thread(this::interrupted, "pvspec-checkpoint");
        if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
        try {
            return search(first, prev, prevBase, cur, curBase);
        } finally {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it writes the checkpoint
                }
            }
            visited.close();
        }
    }

    private CheckReport search(int first, List<State> prev, long prevBase, List<State> cur, long curBase) {
        ExecutorService pool = Executors.newFixedThreadPool(opt.threads(), r -> {
            Thread t = new Thread(r, "pvspec-check");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int depth = first; ; depth++) {
                if (depth >= maxDepth) return report(Status.COMPLETE_TO_DEPTH, depth, null);
                frontier = Frontier.of(depth, prev, prevBase, cur, curBase, nodes, depth + 1 < maxDepth, opt.threads(), req.length);
                level = new Level();
                expand(pool);
                if (!level.hits.isEmpty()) return reportHit();
                if (level.cut != null) {
                    saveCheckpoint();
                    return report(level.cut, depth, null);
                }
                long base = nodes.size();
                List<State> found;
                synchronized (this) {
                    found = promote();
                    mark();
                }
                if (found.isEmpty()) return report(Status.FIXPOINT, depth, null);
                if (opt.checkpointDir() != null && opt.checkpointMillis() > 0
                        && System.nanoTime() - lastCheckpoint >= opt.checkpointMillis() * 1_000_000) saveCheckpoint();
                prev = cur;
                prevBase = curBase;
                cur = found;
                curBase = base;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The counters as the last numbered level left them: what a checkpoint records. */
    private record Mark(long transitions, long skipped, long stepChecks, long stateChecks, long[][] coverage) {}

    private volatile Mark mark;
    /** Set by the shutdown hook: the JVM is going down, only the hook writes the checkpoint. */
    private volatile boolean stopping;
    private volatile Thread hookThread;
    private long lastCheckpoint = System.nanoTime();
    private final long identity;

    private void mark() {
        Coverage cov = coverage[0].fresh();
        for (Coverage c : coverage) cov.add(c);
        mark = new Mark(transitions.sum(), skipped.sum(), stepChecks.sum(), stateChecks.sum(), cov.counts());
    }

    /** Writes the checkpoint of the last numbered level, if checkpoints are on. */
    private synchronized void saveCheckpoint() {
        if (opt.checkpointDir() == null || stopping && Thread.currentThread() != hookThread) return; // the hook wrote it
        Mark m = mark;
        Checkpoint cp = new Checkpoint(identity, List.copyOf(levelSizes), nodes.parents(), nodes.labels(), m.transitions(), m.skipped(),
                m.stepChecks(), m.stateChecks(), m.coverage(), (System.nanoTime() - start) / 1_000_000);
        try {
            cp.write(opt.checkpointDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the checkpoint in " + opt.checkpointDir(), e);
        }
        lastCheckpoint = System.nanoTime();
    }

    /** The shutdown hook (Ctrl-C): stop the workers and leave a checkpoint to resume from. */
    private void interrupted() {
        hookThread = Thread.currentThread();
        stopping = true;
        Level lv = level;
        if (lv != null) lv.cut = Status.CUT_BY_TIME;
        saveCheckpoint();
        System.err.printf("pvspec check: interrupted; checkpoint of depth %d (%,d states) in %s; resume with --recover %s%n",
                levelSizes.size() - 1, (long) nodes.size(), opt.checkpointDir(), opt.checkpointDir());
    }

    private Checkpoint readCheckpoint(java.nio.file.Path dir) {
        Checkpoint cp;
        try {
            cp = Checkpoint.read(dir);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot recover: " + e.getMessage(), e);
        }
        if (cp.identity() != identity) {
            throw new IllegalArgumentException("cannot recover from " + dir + ": it is a checkpoint of another configuration or other reductions");
        }
        return cp;
    }

    /**
     * Rebuilds the search tree, the visited set and the counters of a checkpoint: each state is
     * its parent's state stepped by its label, level by level. Returns the last two levels.
     */
    private List<List<State>> restore(Checkpoint cp, State root) {
        int[] parent = cp.parent();
        int[] label = cp.label();
        ByteSink sink = new ByteSink();
        ByteSink scratch = new ByteSink();
        List<State> prev = List.of();
        List<State> cur = List.of(root);
        long base = 0;
        nodes.add(-1, -1);
        visited.add(visited.key(root, sink, scratch));
        levelSizes.add(1L);
        for (int d = 1; d < cp.levelSizes().size(); d++) {
            long n = cp.levelSizes().get(d);
            long from = base + cur.size();
            List<State> next = new ArrayList<>((int) n);
            for (long g = from; g < from + n; g++) {
                State p = cur.get((int) (parent[(int) g] - base));
                Request r = req[label[(int) g]];
                State t = model.step(p, r.caller(), r.call()).state();
                next.add(t);
                nodes.add(parent[(int) g], label[(int) g]);
                visited.add(visited.key(t, sink, scratch));
            }
            levelSizes.add(n);
            prev = cur;
            cur = next;
            base = from;
        }
        if (nodes.size() != parent.length) throw new IllegalArgumentException("the checkpoint's levels do not add up to its nodes");
        transitions.add(cp.transitions());
        skipped.add(cp.skipped());
        stepChecks.add(cp.stepChecks());
        stateChecks.add(cp.stateChecks());
        coverage[0].add(cp.coverage());
        return List.of(prev, cur);
    }

    private void expand(ExecutorService pool) {
        CountDownLatch done = new CountDownLatch(opt.threads());
        ParentTables tables = new ParentTables(frontier, nodes);
        for (int w = 0; w < opt.threads(); w++) {
            Expander e = new Expander(this, frontier, level, tables, coverage[w], impls[w]);
            pool.execute(() -> {
                try {
                    e.run();
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            while (!done.await(opt.progressMillis(), TimeUnit.MILLISECONDS)) listener.progress(progress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            level.cut = Status.CUT_BY_TIME;
        }
        listener.progress(progress());
    }

    /** Numbers the new level in the order of least incoming edges and adds it to the visited set. */
    private List<State> promote() {
        List<Map.Entry<Object, Level.Entry>> found = new ArrayList<>(level.next.entrySet());
        found.sort(Comparator.comparingLong(e -> e.getValue().best()));
        List<State> states = new ArrayList<>(found.size());
        for (Map.Entry<Object, Level.Entry> e : found) {
            long best = e.getValue().best();
            nodes.add(NodeStore.edgeParent(best), NodeStore.edgeRequest(best));
            states.add(e.getValue().state());
            visited.add(e.getKey());
        }
        if (!found.isEmpty()) levelSizes.add((long) found.size());
        level = null;
        return states;
    }

    private Progress progress() {
        Level lv = level;
        long pending = lv == null ? 0 : lv.next.size();
        double secs = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        long queue = frontier.cur().size() - (lv == null ? 0 : lv.nodesDone.get()) + pending;
        return new Progress(visited.size() + pending, transitions.sum(), frontier.depth(), Math.max(queue, 0),
                (visited.size() + pending) / secs, (long) (secs * 1000), visited.onDisk());
    }

    private CheckReport reportHit() {
        Level.Hit best = null;
        for (Level.Hit h : level.hits) if (best == null || h.reportedEdge() < best.reportedEdge()) best = h;
        if (best.edge() == Long.MAX_VALUE) throw new IllegalStateException(best.detail());
        long edge = best.reportedEdge();
        List<Integer> path = nodes.path(NodeStore.edgeParent(edge));
        path.add(NodeStore.edgeRequest(edge));
        boolean divergence = best.kind() == Level.Kind.DIVERGENCE;
        if (best.kind() == Level.Kind.WITNESS) return report(Status.WITNESS, path.size(), Traces.witness(cfg, model, req, path));
        Found f = Traces.build(cfg, model, req, path, divergence ? impls[0] : null);
        return report(divergence ? Status.DIVERGENCE : Status.VIOLATION, path.size(), f);
    }

    private CheckReport report(Status status, int depth, Found found) {
        Coverage cov = coverage[0].fresh();
        for (Coverage c : coverage) cov.add(c);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        boolean partial = !status.complete() && level != null && !level.next.isEmpty();
        if (partial) levelSizes.add((long) level.next.size());
        long states = 0;
        for (long n : levelSizes) states += n;
        OptionalDouble p = opt.fingerprint() ? OptionalDouble.of(Visited.collisionProbability(states)) : OptionalDouble.empty();
        return new CheckReport(cfg.name(), status, depth, levelSizes, partial, transitions.sum(), skipped.sum(), elapsed, opt.threads(),
                stateChecks.sum(), stepChecks.sum(), cov, found == null ? Optional.empty() : found.counterexample(),
                found == null ? Optional.empty() : found.divergence(), p, reductions, opt.implementation() != null,
                found == null ? Optional.empty() : found.witness(), cfg.properties(), cov.byTemplate(cfg.requests()));
    }
}
