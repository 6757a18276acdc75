package pvspec.checker;

import java.util.BitSet;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;

/**
 * Every request's footprint at one state, and whether it left the state unchanged: what the
 * independence reduction needs to expand that state's children. Computed by running every
 * request once on the state with {@link TrackingVector} and {@link TrackingMap} in place of its
 * tables.
 */
final class ParentTable {
    private final long[] fp;
    private final BitSet selfLoop;

    private ParentTable(int n) {
        fp = new long[4 * n];
        selfLoop = new BitSet(n);
    }

    static ParentTable of(StepFunction model, State s, Request[] requests) {
        ParentTable t = new ParentTable(requests.length);
        for (Request r : requests) {
            Tracker tr = new Tracker();
            State w = new State(s.config(), new TrackingVector<>(s.frames(), tr), new TrackingMap<>(s.domains(), tr));
            Outcome o = model.step(w, r.caller(), r.call());
            if (o.state() == w) t.selfLoop.set(r.id());
            int i = 4 * r.id();
            t.fp[i] = tr.readFrames;
            t.fp[i + 1] = tr.writeFrames;
            t.fp[i + 2] = tr.readDoms;
            t.fp[i + 3] = tr.writeDoms;
        }
        return t;
    }

    boolean selfLoop(int id) {
        return selfLoop.get(id);
    }

    /** {@link Footprint#independent}, on the stored masks. */
    boolean independent(int a, int b) {
        int i = 4 * a;
        int j = 4 * b;
        return (fp[i + 1] & (fp[j] | fp[j + 1])) == 0 && (fp[j + 1] & fp[i]) == 0
                && (fp[i + 3] & (fp[j + 2] | fp[j + 3])) == 0 && (fp[j + 3] & fp[i + 2]) == 0;
    }

    /** {@link Footprint#unaffectedBy}: request {@code b} read nothing request {@code a} wrote. */
    boolean unaffectedBy(int b, int a) {
        int i = 4 * a;
        int j = 4 * b;
        return (fp[i + 1] & fp[j]) == 0 && (fp[i + 3] & fp[j + 2]) == 0;
    }

    Footprint footprint(int id) {
        int i = 4 * id;
        return new Footprint(fp[i], fp[i + 1], fp[i + 2], fp[i + 3]);
    }
}
