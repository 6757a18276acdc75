package pvspec.checker.store;

import java.util.List;
import java.util.SortedMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import pvspec.model.state.State;
import pvspec.model.state.shape.Rebuilder;
import pvspec.model.state.shape.StateShape;

/**
 * The search's own representation of a state: the same values, with the frame table, the domain
 * table and each domain's short vectors and maps held in arrays ({@link ArrayVector},
 * {@link ArrayIntMap}) instead of the model's trees. The model's rules change a state through
 * {@code with} and {@code plus}, which keep the representation, so converting the initial state
 * is enough (a domain created later starts with the model's trees; equality does not care). On
 * the small configurations the checker explores, this roughly halves the cost of a step and of
 * encoding a state, and shrinks the states kept in a level. It is made through the state's
 * description, every vector and int-keyed map of it converted.
 */
public final class CompactState {
    private CompactState() {}

    private static final Rebuilder ARRAYS = new Rebuilder() {
        @Override
        public <E> PVector<E> vector(List<E> elements) {
            return ArrayVector.of(elements);
        }

        @Override
        public <V> PMap<Integer, V> intMap(SortedMap<Integer, V> entries) {
            return ArrayIntMap.of(entries);
        }
    };

    public static State of(State s) {
        State c = StateShape.rebuild(s, ARRAYS);
        if (!c.equals(s)) throw new IllegalStateException("compact state differs from its source"); // cheap, once a search
        return c;
    }
}
