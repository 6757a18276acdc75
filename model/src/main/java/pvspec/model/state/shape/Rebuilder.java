package pvspec.model.state.shape;

import java.util.List;
import java.util.SortedMap;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.PSortedMap;
import org.pcollections.PVector;
import org.pcollections.TreePMap;
import org.pcollections.TreePVector;

/**
 * Makes a new value from an old one, component by component ({@link Shape#rebuild}): a renamed
 * state, a state in one canonical object layout (JPF), a state held in other collections (the
 * checker's compact state). The defaults copy: every number unchanged, fresh model collections.
 */
public interface Rebuilder {
    default int integer(Name name, int value, int granter) {
        return value;
    }

    default long longInteger(Name name, long value) {
        return value;
    }

    /** As {@link Sink#source}: the old position whose element goes at position {@code p}. */
    default int source(Name index, int granter, int p) {
        return p;
    }

    default <E> PVector<E> vector(List<E> elements) {
        return TreePVector.from(elements);
    }

    /** {@code entries} is sorted by key. */
    default <V> PMap<Integer, V> intMap(SortedMap<Integer, V> entries) {
        return IntTreePMap.from(entries);
    }

    default <V> PSortedMap<Long, V> longMap(SortedMap<Long, V> entries) {
        return TreePMap.from(entries);
    }
}
