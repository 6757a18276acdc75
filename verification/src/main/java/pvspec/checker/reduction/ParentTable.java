package pvspec.checker.reduction;

import java.util.BitSet;
import pvspec.checker.config.Request;
import pvspec.checker.config.StepFunction;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;

/**
 * Every request's footprint at one state, and whether it left the state unchanged: what the
 * independence reduction needs to expand that state's children. Computed by running every
 * request once on the state with {@link TrackingVector} and {@link TrackingMap} in place of its
 * tables; the model's final reap of dead domains is observed apart ({@link Reap}).
 */
public final class ParentTable {
    private final Footprint[] fp;
    private final BitSet selfLoop;

    private ParentTable(int n) {
        fp = new Footprint[n];
        selfLoop = new BitSet(n);
    }

    public static ParentTable of(StepFunction model, State s, Request[] requests) {
        ParentTable t = new ParentTable(requests.length);
        for (Request r : requests) {
            Tracker tr = new Tracker();
            State w = new State(s.config(), new TrackingVector<>(s.frames(), tr), new TrackingMap<>(s.domains(), tr));
            try {
                Outcome o = model.stepBeforeReap(w, r.caller(), r.call());
                if (o.state() == w) t.selfLoop.set(r.id());
                else if (model.reapsApart()) Reap.observe(s, o.state(), tr);
                t.fp[r.id()] = tr.footprint();
            } catch (RuntimeException e) {
                t.fp[r.id()] = Footprint.EVERYTHING; // a step that throws is run (and reported) at each child
            }
        }
        return t;
    }

    public boolean selfLoop(int id) {
        return selfLoop.get(id);
    }

    public boolean independent(int a, int b) {
        return Footprint.independent(fp[a], fp[b]);
    }

    /** Request {@code b} read nothing request {@code a} wrote. */
    public boolean unaffectedBy(int b, int a) {
        return Footprint.unaffectedBy(fp[b], fp[a]);
    }
}
