package pvspec.checker;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

    /** One state of the next level: the first object found (null if it will not be expanded) and its least incoming edge. */
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

    enum Kind { VIOLATION, DIVERGENCE, EXCEPTION }

    /** Something wrong on a transition: at the edge itself, or (target set) at the state it reached, whose least edge is reported. */
    record Hit(long edge, Entry target, Kind kind, String detail) {
        long reportedEdge() {
            return target != null ? target.best.get() : edge;
        }
    }

    void hit(int node, Hit h) {
        hits.add(h);
        stopAfter.accumulateAndGet(node, Math::min);
    }
}
