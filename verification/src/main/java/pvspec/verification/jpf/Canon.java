package pvspec.verification.jpf;

import java.util.Map;
import java.util.SortedMap;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;
import pvspec.model.state.State;
import pvspec.model.state.shape.Rebuilder;
import pvspec.model.state.shape.StateShape;

/**
 * Rebuilds a model {@link State} from scratch in one canonical object layout, so that equal
 * states are equal object graphs. Java PathFinder matches states by their heap, and a
 * persistent collection's shape (or which {@code Words} instances two frames happen to share)
 * depends on the history that built it; without this, JPF would count one model state several
 * times. JPF-safe: accessors and constructors only, through the state's description
 * ({@link StateShape}).
 *
 * <p>Shared instances stay shared ({@code Words.zero}, the {@code PortState} singletons, empty
 * collections); everything else is fresh.
 */
public final class Canon {
    private Canon() {}

    public static State of(State s) {
        return StateShape.rebuild(s, FRESH);
    }

    /** Fresh model collections, each map's views settled; numbers unchanged. */
    private static final Rebuilder FRESH = new Rebuilder() {
        @Override
        public <V> PMap<Integer, V> intMap(SortedMap<Integer, V> entries) {
            return settle(IntTreePMap.from(entries));
        }

        @Override
        public <V> PSortedMap<Long, V> longMap(SortedMap<Long, V> entries) {
            return settle(TreePMap.from(entries));
        }
    };

    /**
     * Creates a map's lazily cached views ({@code AbstractMap} keeps {@code keySet()} and
     * {@code values()} in fields once asked for): otherwise one state's heap differs from an
     * equal state's by whether some step happened to ask.
     */
    private static <M extends Map<?, ?>> M settle(M m) {
        m.keySet();
        m.values();
        m.entrySet();
        return m;
    }
}
