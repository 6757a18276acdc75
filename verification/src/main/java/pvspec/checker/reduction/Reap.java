package pvspec.checker.reduction;

import org.pcollections.PMap;
import pvspec.model.rules.Step;
import pvspec.model.state.Domain;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;

/**
 * The footprint of the model's last act in a step that changed the state, {@link Step#reap}.
 * The reap scans every domain, but only a dying one can go: in a state a step returned, none is
 * ready to (each step reaps), so a domain goes only once it is dying and owns no frame and its
 * grants are unmapped. The reap therefore depends on the records of the domains dying before or
 * after the step (a step that makes one die writes its record), on every frame when there is one
 * (whether it owns any), and writes the records of those it removes; the other domains' records
 * it reads only to pass over them, and another step can change what it finds there only by
 * writing them, which makes the two steps dependent already.
 */
final class Reap {
    private Reap() {}

    /** Adds to {@code tr} what the reap after the step from {@code before} to {@code after} reads and writes. */
    static void observe(State before, State after, Tracker tr) {
        // Both sides note their dying domains' reads, hence | and not ||.
        boolean dying = noteDying(untracked(before.domains()), tr) | noteDying(untracked(after.domains()), tr);
        if (!dying) return;
        tr.readAllFrames();
        PMap<Integer, Domain> doms = untracked(after.domains());
        State plain = new State(after.config(), untracked(after.frames()), doms);
        PMap<Integer, Domain> reaped = Step.reap(plain).domains();
        for (Integer id : doms.keySet()) if (!reaped.containsKey(id)) tr.writeDom(id);
    }

    private static boolean noteDying(PMap<Integer, Domain> doms, Tracker tr) {
        boolean any = false;
        for (Domain d : doms.values()) {
            if (d.life() == Lifecycle.DYING) {
                tr.readDom(d.id());
                any = true;
            }
        }
        return any;
    }

    private static <V> PMap<Integer, V> untracked(PMap<Integer, V> m) {
        return m instanceof TrackingMap<V> t ? t.inner : m;
    }

    private static <E> org.pcollections.PVector<E> untracked(org.pcollections.PVector<E> v) {
        return v instanceof TrackingVector<E> t ? t.inner : v;
    }
}
