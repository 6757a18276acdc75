package pvspec.checker.search;

import java.util.List;
import pvspec.checker.config.Implementation;
import pvspec.checker.config.Request;
import pvspec.checker.reduction.ParentTable;
import pvspec.checker.report.Coverage;
import pvspec.checker.report.Status;
import pvspec.checker.store.ByteSink;
import pvspec.checker.store.NodeStore;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;

/**
 * One worker's share of a level: it takes units (runs of siblings) from the {@link Level},
 * runs every request on each state, and records successors, checks and coverage. The
 * independence reduction and the checks are explained on {@link Search}.
 */
final class Expander {
    private final Search s;
    private final Frontier f;
    private final Level lv;
    private final ParentTables tables;
    private final Coverage cov;
    private final Implementation impl;
    private final ByteSink sink = new ByteSink();
    private final ByteSink scratch = new ByteSink();

    Expander(Search s, Frontier f, Level lv, ParentTables tables, Coverage cov, Implementation impl) {
        this.s = s;
        this.f = f;
        this.lv = lv;
        this.tables = tables;
        this.cov = cov;
        this.impl = impl;
    }

    void run() {
        try {
            for (int k; (k = lv.nextUnit.getAndIncrement()) < f.units().size(); ) {
                Frontier.Unit u = f.units().get(k);
                if (lv.cut != null || u.from() > lv.stopAfter.get()) break;
                int p = f.parentOf(u, s.nodes);
                boolean useTable = s.reduce && f.depth() > 0 && tables.worthIt(p);
                ParentTable table = useTable ? tables.acquire(p, f.prev().get((int) (p - f.prevBase())), s.model, s.req) : null;
                for (int i = u.from(); i < u.to() && i <= lv.stopAfter.get() && lv.cut == null; i++) {
                    expand(i, u.firstRequest(), u.endRequest(), table);
                    if (u.endRequest() == s.req.length) lv.nodesDone.incrementAndGet();
                    if (System.nanoTime() > s.deadline) lv.cut = Status.CUT_BY_TIME;
                }
                if (useTable) tables.release(p);
            }
        } catch (RuntimeException | Error e) {
            lv.hits.add(new Level.Hit(Long.MAX_VALUE, null, Level.Kind.EXCEPTION, "the checker failed: " + e));
            lv.cut = Status.CUT_BY_TIME;
            throw e;
        }
    }

    private void expand(int i, int firstRequest, int endRequest, ParentTable table) {
        long g = f.curBase() + i;
        State x = f.cur().get(i);
        if (!s.cfg.properties().expand(x)) return; // outside a constraint: checked when found, never expanded
        int a = f.depth() > 0 ? s.nodes.label(g) : -1;
        long executed = 0;
        long skips = 0;
        long steps = 0;
        for (int b = firstRequest; b < endRequest; b++) {
            Request r = s.req[b];
            if (table != null && b != a && (b < a && table.independent(a, b) || table.selfLoop(b) && table.unaffectedBy(b, a))) {
                skips++;
                continue;
            }
            Outcome o;
            try {
                o = s.model.step(x, r.caller(), r.call());
            } catch (RuntimeException e) {
                lv.hit(i, new Level.Hit(NodeStore.edge(g, b), null, Level.Kind.EXCEPTION, "step threw " + e));
                continue;
            }
            executed++;
            cov.record(s.kindOf[b], b, o.result());
            if (impl != null) conform(i, g, r, x, o);
            State t = o.state();
            if (t == x) {
                if (o.result().succeeded()) {
                    steps++;
                    stepCheck(i, g, r, x, o);
                }
                continue;
            }
            Object key = s.visited.key(t, sink, scratch);
            if (s.visited.contains(key)) {
                steps++;
                stepCheck(i, g, r, x, o);
                continue;
            }
            Level.Entry e = lv.next.get(key);
            boolean created = false;
            if (e == null) {
                Level.Entry fresh = new Level.Entry(f.keepSuccessors());
                e = lv.next.putIfAbsent(key, fresh);
                if (e == null) {
                    e = fresh;
                    created = true;
                }
            }
            e.offer(NodeStore.edge(g, b), t);
            if (created) {
                s.stateChecks.increment();
                List<Violation> v = s.cfg.properties().checkStep(x, r.caller(), r.call(), o.result(), t);
                if (!v.isEmpty()) {
                    boolean stateLevel = !Invariants.check(t).isEmpty() || !s.cfg.properties().check(t).isEmpty();
                    lv.hit(i, new Level.Hit(NodeStore.edge(g, b), stateLevel ? e : null, Level.Kind.VIOLATION, v.toString()));
                } else if (s.cfg.properties().reached(t).isPresent()) {
                    lv.hit(i, new Level.Hit(NodeStore.edge(g, b), e, Level.Kind.WITNESS, "reached"));
                }
                if (s.visited.size() + lv.next.size() >= s.maxStates) lv.cut = Status.CUT_BY_STATES;
            } else {
                steps++;
                stepCheck(i, g, r, x, o);
            }
        }
        s.transitions.add(executed);
        s.skipped.add(skips);
        s.stepChecks.add(steps);
    }

    /** The invariants' step constraints on one transition to a state already checked. */
    private void stepCheck(int i, long g, Request r, State x, Outcome o) {
        for (Invariant inv : Invariants.ALL) {
            if (!inv.stepConstraint(x, r.caller(), r.call(), o.result(), o.state()).isEmpty()) {
                lv.hit(i, new Level.Hit(NodeStore.edge(g, r.id()), null, Level.Kind.VIOLATION, inv.id()));
                return;
            }
        }
    }

    private void conform(int i, long g, Request r, State x, Outcome o) {
        Implementation.Observed seen;
        try {
            seen = impl.run(x, r.caller(), r.call());
        } catch (RuntimeException e) {
            lv.hit(i, new Level.Hit(NodeStore.edge(g, r.id()), null, Level.Kind.DIVERGENCE, "the implementation threw " + e));
            return;
        }
        if (!o.reply().equals(seen.reply()) || !o.state().equals(seen.state())) {
            lv.hit(i, new Level.Hit(NodeStore.edge(g, r.id()), null, Level.Kind.DIVERGENCE, "result, refusal check or state differs"));
        }
    }
}
