package pvspec.checker.search;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import pvspec.checker.report.Status;
import pvspec.model.state.State;

/** What the workers share while they expand one level: the states they find and what went wrong. */
final class Level {
    /** The states of the next level, by key. */
    final ConcurrentHashMap<Object, Entry> next = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    /** The next unit of work to take. */
    final AtomicInteger nextUnit = new AtomicInteger();
    /** Nodes after this one (in-level index) need not be expanded: an earlier one already went wrong. */
    final AtomicInteger stopAfter = new AtomicInteger(Integer.MAX_VALUE);
    final AtomicLong nodesDone = new AtomicLong();
    /** Set when a bound stops the search in this level. */
    volatile Status cut;

    /**
     * One state of the next level: its least incoming edge so far, and the state that edge
     * produced. Under symmetry, edges with one key can produce different (symmetric) states; the
     * search must expand the one its least edge produced, which is the one a trace replays.
     */
    static final class Entry {
        private final boolean keep;
        private long best = Long.MAX_VALUE;
        private State state;

        Entry(boolean keep) {
            this.keep = keep;
        }

        synchronized void offer(long edge, State produced) {
            if (edge >= best) return;
            best = edge;
            if (keep) state = produced;
        }

        synchronized long best() {
            return best;
        }

        /** The state the least edge produced (null if the level will not be expanded). */
        synchronized State state() {
            return state;
        }
    }

    enum Kind { VIOLATION, DIVERGENCE, EXCEPTION, WITNESS }

    /** Something wrong on a transition: at the edge itself, or (target set) at the state it reached, whose least edge is reported. */
    record Hit(long edge, Entry target, Kind kind, String detail) {
        long reportedEdge() {
            return target != null ? target.best() : edge;
        }
    }

    void hit(int node, Hit h) {
        hits.add(h);
        stopAfter.accumulateAndGet(node, Math::min);
    }
}
