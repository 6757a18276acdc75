package pvspec.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import pvspec.model.invariant.Facts;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;

/**
 * Level-synchronous breadth-first search, shared by all workers.
 *
 * <p>Level {@code L} is expanded by all threads at once: they take runs of sibling states (same
 * parent) from a shared counter, run every request of the request space on each state, and
 * insert successors into a concurrent map for level {@code L+1}; states of earlier levels are in
 * the visited set, which changes only between levels. When a level is done, its new states are
 * sorted by their least incoming edge (parent id, request id) and numbered in that order. Since
 * parents are numbered the same way, each state's parent link is the last step of its
 * lexicographically least shortest path, and the numbering, the parent links and every trace are
 * the same whatever the number of threads. The first level with a violation (or divergence)
 * ends the search, and of its violating transitions the least is reported: a shortest trace.
 *
 * <h2>Checks</h2>
 * A transition to a new state is checked with {@link Invariants#checkStep} (every invariant on
 * the new state and every step-level constraint). A transition to a known state (or back to
 * its own state) was, as far as states go, already checked, so only the invariants that
 * constrain steps ({@code checkStep} overridden) run on it; they are skipped for a refused
 * request that left the state untouched, which has no step to constrain.
 *
 * <h2>The independence reduction</h2>
 * When a run of siblings {@code X = P·a} is expanded, the footprint of every request at the
 * parent {@code P} is computed once ({@link ParentTable}). Then, at {@code X}:
 * <ul>
 * <li>a request {@code b < a} independent of {@code a} at {@code P} is skipped: {@code X·b =
 *     P·b·a}, which the search reaches from the sibling {@code P·b} (this is a sleep set). It
 *     never removes a state or shortens no path: take the least shortest path to any state; if
 *     its step {@code t} after {@code X_i = X_{i-1}·s} were skipped then {@code t < s} and the two
 *     commute, so swapping them gives a lesser shortest path, a contradiction. So every state is
 *     found at its true depth with the same parent link as without the reduction; a skipped
 *     transition has an executed twin ({@code P·b}, or recursively its own twin) with the same
 *     result and the same effect, so step-level verdicts and coverage are unchanged too.</li>
 * <li>a request {@code b} that left {@code P} unchanged and read nothing {@code a} wrote leaves
 *     {@code X} unchanged with the same result; it is not executed again.</li>
 * </ul>
 * Conformance mode turns the reduction off: the implementation must see every transition.
 */
final class Search {
    private static final int CHUNK = 32;
    private static final int MIN_RUN_FOR_TABLE = 2;

    private final CheckConfig cfg;
    private final Options opt;
    private final ProgressListener listener;
    private final Request[] req;
    private final int[] kindOf;
    private final Canonicalizer canon;
    private final boolean reduce;
    private final List<String> reductions;
    private final List<Invariant> stepInvariants = new ArrayList<>();
    private final StepFunction model;
    private final long maxStates;
    private final int maxDepth;
    private final long start = System.nanoTime();
    private final long deadline;

    private final IntList parent = new IntList();
    private final IntList label = new IntList();
    private final Set<StateKey> oldExact = new HashSet<>();
    private final LongSet oldFingerprints = new LongSet();
    private long oldCount;
    private final List<Long> levelSizes = new ArrayList<>();

    // The level being expanded.
    private List<State> prev = List.of();
    private long prevBase;
    private List<State> cur;
    private long curBase;
    private int level;
    private int[] units;
    private final AtomicInteger nextUnit = new AtomicInteger();
    private final AtomicInteger stopAfter = new AtomicInteger(Integer.MAX_VALUE);
    private volatile Status cut;
    private ConcurrentHashMap<Object, Entry> next;
    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    private final AtomicLong nodesDone = new AtomicLong();

    private final LongAdder transitions = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder stepChecks = new LongAdder();
    private final LongAdder stateChecks = new LongAdder();
    private final Coverage[] coverage;
    private final Implementation[] impls;

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
        for (Invariant inv : Invariants.ALL) if (overridesCheckStep(inv)) stepInvariants.add(inv);
        this.maxDepth = opt.depth().orElse(cfg.depth().orElse(Integer.MAX_VALUE));
        this.maxStates = opt.maxStates().orElse(cfg.maxStates().orElse(Long.MAX_VALUE));
        this.deadline = opt.timeLimitMillis() > 0 ? start + opt.timeLimitMillis() * 1_000_000 : Long.MAX_VALUE;
        this.reductions = new ArrayList<>();
        this.reduce = opt.independence() && opt.implementation() == null;
        if (opt.independence() && !reduce) reductions.add("independence: off (conformance mode compares every transition)");
        else reductions.add(reduce ? "independence: on" : "independence: off");
        State initial = Scenario.finalState(cfg.scenario(), model);
        Map<Symmetry, String> verdicts = SymmetryAnalysis.analyse(opt.symmetry(), cfg.config(), initial, cfg.requests());
        reductions.addAll(SymmetryAnalysis.describe(verdicts));
        this.canon = new Canonicalizer(cfg.config(), "".equals(verdicts.get(Symmetry.GRANT_REFS)), "".equals(verdicts.get(Symmetry.DOMUS)));
    }

    private static boolean overridesCheckStep(Invariant inv) {
        try {
            return inv.getClass().getMethod("checkStep", State.class, pvspec.model.abi.Caller.class, pvspec.model.abi.Hypercall.class,
                    pvspec.model.abi.Result.class, Facts.class).getDeclaringClass() != Invariant.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** One state of the next level: the first object found, and its least incoming edge. */
    static final class Entry {
        final State state;
        final AtomicLong best = new AtomicLong(Long.MAX_VALUE);

        Entry(State state) {
            this.state = state;
        }

        void offer(long edge) {
            long b;
            while (edge < (b = best.get())) if (best.compareAndSet(b, edge)) return;
        }
    }

    /** Something wrong found on a transition: at the edge itself, or (target set) at the state it reached. */
    record Hit(long edge, Entry target, Kind kind, String detail) {}

    enum Kind { VIOLATION, DIVERGENCE, EXCEPTION }

    static long edge(long parentNode, int request) {
        return parentNode << 24 | request;
    }

    CheckReport run() {
        Scenario.Run scenario = Scenario.run(cfg.scenario(), model);
        if (scenario.violation().isPresent()) return report(Status.VIOLATION, 0, Found.ofScenario(scenario));
        State root = scenario.state();
        parent.add(-1);
        label.add(-1);
        addOld(key(root, new ByteSink(), new ByteSink()));
        levelSizes.add(1L);
        cur = List.of(root);
        curBase = 0;
        ExecutorService pool = Executors.newFixedThreadPool(opt.threads(), r -> {
            Thread t = new Thread(r, "pvspec-check");
            t.setDaemon(true);
            return t;
        });
        try {
            for (level = 0; ; level++) {
                if (level >= maxDepth) return report(Status.COMPLETE_TO_DEPTH, level, null);
                expandLevel(pool);
                if (!hits.isEmpty()) return reportHit();
                if (cut != null) return report(cut, level, null);
                int added = promote();
                if (added == 0) return report(Status.FIXPOINT, level, null);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void expandLevel(ExecutorService pool) {
        next = new ConcurrentHashMap<>();
        units = units();
        nextUnit.set(0);
        stopAfter.set(Integer.MAX_VALUE);
        nodesDone.set(0);
        CountDownLatch done = new CountDownLatch(opt.threads());
        for (int w = 0; w < opt.threads(); w++) {
            int worker = w;
            pool.execute(() -> {
                try {
                    work(worker);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            while (!done.await(opt.progressMillis(), TimeUnit.MILLISECONDS)) listener.progress(progress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cut = Status.CUT_BY_TIME;
        }
        listener.progress(progress());
    }

    /** Runs of siblings, at most {@link #CHUNK} long: the units workers take. */
    private int[] units() {
        List<Integer> starts = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < cur.size(); i++) {
            if (i == 0 || run == CHUNK || parent.get((int) (curBase + i)) != parent.get((int) (curBase + i - 1))) {
                starts.add(i);
                run = 0;
            }
            run++;
        }
        starts.add(cur.size());
        int[] out = new int[starts.size()];
        for (int i = 0; i < out.length; i++) out[i] = starts.get(i);
        return out;
    }

    private void work(int w) {
        ByteSink sink = new ByteSink();
        ByteSink scratch = new ByteSink();
        try {
            for (int u; (u = nextUnit.getAndIncrement()) < units.length - 1; ) {
                int from = units[u];
                int to = units[u + 1];
                if (cut != null || from > stopAfter.get()) break;
                ParentTable table = null;
                if (reduce && level > 0 && to - from >= MIN_RUN_FOR_TABLE) {
                    int p = parent.get((int) (curBase + from));
                    table = ParentTable.of(model, prev.get((int) (p - prevBase)), req);
                }
                for (int i = from; i < to && i <= stopAfter.get() && cut == null; i++) {
                    expand(w, i, table, sink, scratch);
                    nodesDone.incrementAndGet();
                }
                if (System.nanoTime() > deadline) cut = Status.CUT_BY_TIME;
            }
        } catch (RuntimeException | Error e) {
            hits.add(new Hit(Long.MAX_VALUE, null, Kind.EXCEPTION, "the checker failed: " + e));
            cut = Status.CUT_BY_TIME;
            throw e;
        }
    }

    private void expand(int w, int i, ParentTable table, ByteSink sink, ByteSink scratch) {
        long g = curBase + i;
        State x = cur.get(i);
        int a = level > 0 ? label.get((int) g) : -1;
        Coverage cov = coverage[w];
        Implementation impl = impls[w];
        long executed = 0;
        long skips = 0;
        long steps = 0;
        for (Request r : req) {
            int b = r.id();
            if (table != null && b != a) {
                if (b < a && table.independent(a, b) || table.selfLoop(b) && table.unaffectedBy(b, a)) {
                    skips++;
                    continue;
                }
            }
            Outcome o;
            try {
                o = model.step(x, r.caller(), r.call());
            } catch (RuntimeException e) {
                hit(i, new Hit(edge(g, b), null, Kind.EXCEPTION, "step threw " + e));
                continue;
            }
            executed++;
            cov.record(kindOf[b], o.result());
            if (impl != null) conform(i, g, r, x, o, impl);
            State t = o.state();
            if (t == x) {
                if (o.result().succeeded()) {
                    steps++;
                    stepCheck(i, g, r, x, o);
                }
                continue;
            }
            Object key = key(t, sink, scratch);
            if (isOld(key)) {
                steps++;
                stepCheck(i, g, r, x, o);
                continue;
            }
            Entry e = next.get(key);
            boolean created = false;
            if (e == null) {
                Entry fresh = new Entry(t);
                e = next.putIfAbsent(key, fresh);
                if (e == null) {
                    e = fresh;
                    created = true;
                }
            }
            e.offer(edge(g, b));
            if (created) {
                stateChecks.increment();
                List<Violation> v = Invariants.checkStep(x, r.caller(), r.call(), o.result(), t);
                if (!v.isEmpty()) {
                    boolean stateLevel = !Invariants.check(t).isEmpty();
                    hit(i, new Hit(edge(g, b), stateLevel ? e : null, Kind.VIOLATION, v.toString()));
                }
                if (oldCount + next.size() >= maxStates) cut = Status.CUT_BY_STATES;
            } else {
                steps++;
                stepCheck(i, g, r, x, o);
            }
        }
        transitions.add(executed);
        skipped.add(skips);
        stepChecks.add(steps);
    }

    private void stepCheck(int i, long g, Request r, State x, Outcome o) {
        if (stepInvariants.isEmpty()) return;
        Facts f = Facts.of(o.state());
        for (Invariant inv : stepInvariants) {
            List<Violation> v = inv.checkStep(x, r.caller(), r.call(), o.result(), f);
            if (!v.isEmpty()) {
                hit(i, new Hit(edge(g, r.id()), null, Kind.VIOLATION, v.toString()));
                return;
            }
        }
    }

    private void conform(int i, long g, Request r, State x, Outcome o, Implementation impl) {
        Implementation.Observed seen;
        try {
            seen = impl.run(x, r.caller(), r.call());
        } catch (RuntimeException e) {
            hit(i, new Hit(edge(g, r.id()), null, Kind.DIVERGENCE, "the implementation threw " + e));
            return;
        }
        if (!o.result().equals(seen.result()) || !o.state().equals(seen.state())) {
            hit(i, new Hit(edge(g, r.id()), null, Kind.DIVERGENCE, "result or state differs"));
        }
    }

    private void hit(int i, Hit h) {
        hits.add(h);
        stopAfter.accumulateAndGet(i, Math::min);
    }

    private Object key(State s, ByteSink sink, ByteSink scratch) {
        canon.key(s, sink, scratch);
        return opt.fingerprint() ? (Object) sink.hash64() : new StateKey(sink.toArray());
    }

    private boolean isOld(Object key) {
        return opt.fingerprint() ? oldFingerprints.contains((Long) key) : oldExact.contains((StateKey) key);
    }

    private void addOld(Object key) {
        if (opt.fingerprint()) oldFingerprints.add((Long) key);
        else oldExact.add((StateKey) key);
        oldCount++;
    }

    /** Numbers the new level in the order of least incoming edges; returns its size. */
    private int promote() {
        List<Map.Entry<Object, Entry>> found = new ArrayList<>(next.entrySet());
        found.sort(Comparator.comparingLong(e -> e.getValue().best.get()));
        List<State> states = new ArrayList<>(found.size());
        long base = parent.size();
        for (Map.Entry<Object, Entry> e : found) {
            long best = e.getValue().best.get();
            parent.add((int) (best >>> 24));
            label.add((int) (best & 0xFFFFFF));
            states.add(e.getValue().state);
            addOld(e.getKey());
        }
        next = null;
        prev = cur;
        prevBase = curBase;
        cur = states;
        curBase = base;
        if (!found.isEmpty()) levelSizes.add((long) found.size());
        return found.size();
    }

    private Progress progress() {
        long states = oldCount + (next == null ? 0 : next.size());
        double secs = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        long queue = cur.size() - nodesDone.get() + (next == null ? 0 : next.size());
        return new Progress(states, transitions.sum(), level, Math.max(queue, 0), states / secs, (long) (secs * 1000));
    }

    private CheckReport reportHit() {
        Hit best = null;
        long bestEdge = Long.MAX_VALUE;
        for (Hit h : hits) {
            long e = h.target() != null ? h.target().best.get() : h.edge();
            if (best == null || e < bestEdge) {
                best = h;
                bestEdge = e;
            }
        }
        if (best.kind() == Kind.EXCEPTION && best.edge() == Long.MAX_VALUE) throw new IllegalStateException(best.detail());
        List<Integer> path = path((int) (bestEdge >>> 24));
        path.add((int) (bestEdge & 0xFFFFFF));
        Found f = Traces.build(cfg, model, req, path, best.kind() == Kind.DIVERGENCE ? impls[0] : null);
        return report(best.kind() == Kind.DIVERGENCE ? Status.DIVERGENCE : Status.VIOLATION, path.size(), f);
    }

    /** The requests from the root to node {@code n}. */
    private List<Integer> path(int n) {
        List<Integer> out = new ArrayList<>();
        for (int x = n; parent.get(x) >= 0; x = parent.get(x)) out.add(0, label.get(x));
        return out;
    }

    private CheckReport report(Status status, int depth, Found found) {
        Coverage cov = coverage[0].fresh();
        for (Coverage c : coverage) cov.add(c);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        boolean partial = !status.complete() && status != Status.FIXPOINT && next != null && !next.isEmpty();
        if (partial) levelSizes.add((long) next.size());
        long states = 0;
        for (long s : levelSizes) states += s;
        OptionalDouble p = opt.fingerprint() ? OptionalDouble.of(Math.min(1.0, (double) states * states / Math.pow(2, 65))) : OptionalDouble.empty();
        return new CheckReport(cfg.name(), status, depth, levelSizes, partial, transitions.sum(), skipped.sum(), elapsed, opt.threads(),
                stateChecks.sum(), stepChecks.sum(), cov, found == null ? java.util.Optional.empty() : found.counterexample(),
                found == null ? java.util.Optional.empty() : found.divergence(), p, reductions, opt.implementation() != null);
    }
}
