package pvspec.checker.search;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import pvspec.checker.report.Status;

/** What the workers share while they expand one level: the states they find and what went wrong. */
final class Level {
    /** The states of the next level, by key. */
    final LevelMap next;
    final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    /** The next unit of work to take. */
    final AtomicInteger nextUnit = new AtomicInteger();
    /** Nodes after this one (in-level index) need not be expanded: an earlier one already went wrong. */
    final AtomicInteger stopAfter = new AtomicInteger(Integer.MAX_VALUE);
    final AtomicLong nodesDone = new AtomicLong();
    /** Set when a bound stops the search in this level. */
    volatile Status cut;

    /** {@code keepSuccessors}: whether the states found will be expanded in turn. */
    Level(boolean keepSuccessors) {
        next = new LevelMap(keepSuccessors);
    }

    enum Kind { VIOLATION, DIVERGENCE, EXCEPTION, WITNESS }

    /**
     * Something wrong on a transition: at the edge itself, or (target set: the key of the state it
     * reached in the next level) at that state, whose least edge is reported.
     */
    record Hit(long edge, Object target, Kind kind, String detail) {
        long reportedEdge(LevelMap next) {
            return target != null ? next.best(target) : edge;
        }
    }

    void hit(int node, Hit h) {
        hits.add(h);
        stopAfter.accumulateAndGet(node, Math::min);
    }
}
