package pvspec.checker.store;

import java.util.Map;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/**
 * The search's own representation of a state: the same values, with the frame table, the domain
 * table and each domain's short vectors and maps held in arrays ({@link ArrayVector},
 * {@link ArrayIntMap}) instead of the model's trees. The model's rules change a state through
 * {@code with} and {@code plus}, which keep the representation, so converting the initial state
 * is enough (a domain created later starts with the model's trees; equality does not care). On
 * the small configurations the checker explores, this roughly halves the cost of a step and of
 * encoding a state, and shrinks the states kept in a level.
 */
public final class CompactState {
    private CompactState() {}

    public static State of(State s) {
        ArrayIntMap<Domain> domains = ArrayIntMap.of(Map.of());
        for (Map.Entry<Integer, Domain> e : s.domains().entrySet()) domains = domains.plus(e.getKey(), of(e.getValue()));
        State c = new State(s.config(), ArrayVector.of(s.frames()), domains);
        if (!c.equals(s)) throw new IllegalStateException("compact state differs from its source"); // cheap, once a search
        return c;
    }

    private static Domain of(Domain d) {
        return new Domain(d.id(), d.privileged(), d.life(), d.pauseCount(), d.maxPages(), ArrayVector.of(d.vcpus()), ArrayIntMap.of(d.traps()),
                d.eventCallback(), d.failsafeCallback(), ArrayVector.of(d.ports()), ArrayVector.of(d.grants()), ArrayIntMap.of(d.maptrack()), d.vmAssist());
    }
}
