package pvspec.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckConfigException;
import pvspec.checker.report.CheckReport;
import pvspec.checker.search.LevelKernel;
import pvspec.checker.report.Status;
import pvspec.model.state.State;
import scala.Tuple2;

/**
 * The built-in checker's level-synchronous breadth-first search on Spark.
 *
 * <p>Each level's frontier is a dataset of least paths (a state is its path replayed from the
 * initial state: a path is a few bytes, a state is not serializable, and replaying depth steps
 * costs little next to running every request on the state). One level is:
 * <ol>
 * <li>expand, in the executors: replay each path, run every request, emit (fingerprint of the
 *     successor's canonical encoding, path), with whether the transition broke an invariant's
 *     step constraint;</li>
 * <li>reduce by fingerprint (hash-partitioned): keep the least path, which is the built-in
 *     search's least incoming edge, so the state's representative under symmetry and its
 *     shortest trace are the built-in's;</li>
 * <li>left-join against the visited fingerprints, partitioned the same way so that the join moves
 *     no visited key: a key already visited only reports a broken step constraint; a new key
 *     has its least transition checked in full (every invariant, step constraints, reach
 *     queries) and joins the next frontier and the visited set.</li>
 * </ol>
 * The first level with something found ends the search with its least path. The independence
 * reduction is not used (it needs the parent level's states next to each sibling run); it removes
 * transitions, never states, so the per-depth counts are the built-in's either way. Keys are
 * 64-bit fingerprints; the report gives the collision probability.
 */
public final class SparkSearch {
    private final JavaSparkContext sc;
    private final Spec spec;
    private final int partitions;
    private final ShuffleMeter meter;

    /** {@code partitions}: how many ways the visited set and each level are hashed (0: four per default core). */
    public SparkSearch(JavaSparkContext sc, Spec spec, int partitions) {
        this.sc = sc;
        this.spec = spec;
        this.partitions = partitions > 0 ? partitions : 4 * sc.defaultParallelism();
        this.meter = ShuffleMeter.on(sc);
    }

    /** Per level: the shuffle the level's search cost (empty before {@link #run}). */
    public List<ShuffleMeter.Figures> shuffles() {
        return meter.levels();
    }

    public CheckReport run(OptionalInt depthBound) throws CheckConfigException {
        long start = System.nanoTime();
        CheckConfig cfg = spec.parse();
        LevelKernel k = new LevelKernel(cfg, spec.options());
        java.util.Optional<CheckReport> atRoot = k.atRoot();
        if (atRoot.isPresent()) return atRoot.get();
        int maxDepth = depthBound.orElse(cfg.depth().orElse(Integer.MAX_VALUE));
        Partitioner byKey = new HashPartitioner(partitions);
        LongAccumulator transitions = sc.sc().longAccumulator("transitions");
        CoverageTally coverage = new CoverageTally(k.tallySize());
        sc.sc().register(coverage, "coverage");
        List<Long> levels = new ArrayList<>(List.of(1L));
        JavaPairRDD<Long, Boolean> visited = sc.parallelizePairs(List.of(new Tuple2<>(k.fingerprint(k.root()), Boolean.TRUE)))
                .partitionBy(byKey).persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<int[]> frontier = sc.parallelize(List.of(new int[0]), 1);
        Spec sp = spec;
        meter.startLevel();
        for (int depth = 0; ; depth++) {
            if (depth >= maxDepth) return done(k, Status.COMPLETE_TO_DEPTH, depth, levels, transitions, coverage, start, null);
            JavaPairRDD<Long, Candidate> reached = frontier
                    .flatMapToPair(p -> expand(sp.kernel(), p, transitions, coverage).iterator())
                    .reduceByKey(byKey, Candidate::merge);
            JavaPairRDD<Long, Outcome> outcomes = reached.leftOuterJoin(visited)
                    .flatMapValues(v -> judge(sp.kernel(), v._1(), v._2()).iterator())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            List<Outcome> found = outcomes.values().filter(o -> !o.isNew()).collect();
            if (!found.isEmpty()) {
                meter.endLevel(depth);
                outcomes.unpersist();
                Outcome least = found.get(0);
                for (Outcome o : found) if (Arrays.compare(o.path(), least.path()) < 0) least = o;
                List<Integer> path = new ArrayList<>();
                for (int b : least.path()) path.add(b);
                Status st = least.kind() == Outcome.Kind.WITNESS ? Status.WITNESS : Status.VIOLATION;
                LevelKernel.Verdict v = st == Status.WITNESS ? LevelKernel.Verdict.WITNESS : LevelKernel.Verdict.VIOLATION;
                return k.report(st, path.size(), levels, transitions.value(), millis(start), sc.defaultParallelism(), path, v, coverage.value());
            }
            JavaPairRDD<Long, Outcome> fresh = outcomes.filter(t -> t._2().isNew());
            JavaRDD<int[]> next = fresh.map(t -> t._2().path()).persist(StorageLevel.MEMORY_AND_DISK());
            next.rdd().localCheckpoint();
            long n = next.count();
            meter.endLevel(depth);
            if (n == 0) return done(k, Status.FIXPOINT, depth, levels, transitions, coverage, start, outcomes);
            JavaPairRDD<Long, Boolean> grown = visited.union(fresh.mapValues(o -> Boolean.TRUE)).persist(StorageLevel.MEMORY_AND_DISK());
            grown.rdd().localCheckpoint();
            grown.count();
            meter.startLevel();
            outcomes.unpersist();
            visited.unpersist();
            frontier.unpersist();
            visited = grown;
            frontier = next;
            levels.add(n);
        }
    }

    private CheckReport done(LevelKernel k, Status st, int depth, List<Long> levels, LongAccumulator transitions, CoverageTally coverage,
                             long start, JavaPairRDD<Long, Outcome> outcomes) {
        if (outcomes != null) outcomes.unpersist();
        return k.report(st, depth, levels, transitions.value(), millis(start), sc.defaultParallelism(), null, LevelKernel.Verdict.NONE,
                coverage.value());
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Every request on the state at the end of {@code path}: one record per transition that
     * leaves the state or breaks a step constraint; each transition counts in the coverage.
     */
    static List<Tuple2<Long, Candidate>> expand(LevelKernel k, int[] path, LongAccumulator transitions, CoverageTally coverage) {
        State x = k.replay(path);
        List<Tuple2<Long, Candidate>> out = new ArrayList<>();
        if (!k.expands(x)) return out; // outside a constraint: checked when found, never expanded
        long[] counters = coverage.counters();
        for (int b = 0; b < k.requests(); b++) {
            pvspec.model.rules.Outcome o = k.step(x, b);
            k.tally(counters, b, o.result());
            State t = o.state();
            if (t == x) {
                if (o.result().succeeded() && k.stepBroken(x, b, o)) out.add(new Tuple2<>(k.fingerprint(x), Candidate.brokenLoop(Paths.append(path, b))));
                continue;
            }
            out.add(new Tuple2<>(k.fingerprint(t), Candidate.reached(Paths.append(path, b), k.stepBroken(x, b, o))));
        }
        transitions.add(k.requests());
        return out;
    }

    /** One key of the level against the visited set: what it comes to. */
    static List<Outcome> judge(LevelKernel k, Candidate c, Optional<Boolean> visited) {
        List<Outcome> out = new ArrayList<>(2);
        if (c.broken() != null) out.add(new Outcome(Outcome.Kind.VIOLATION, c.broken()));
        if (visited.isPresent()) return out;
        int[] best = c.best();
        State parent = k.replay(Paths.parent(best));
        int last = Paths.last(best);
        LevelKernel.Verdict v = k.onNewState(parent, last, k.step(parent, last));
        if (v != LevelKernel.Verdict.NONE) out.add(Outcome.of(v, best));
        out.add(new Outcome(Outcome.Kind.NEW, best));
        return out;
    }
}
