package pvspec.checker.reduction;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.pcollections.PMap;

/**
 * The domain table of a state under observation: reports each id looked up ({@code get},
 * {@code containsKey}: its presence is read too) or changed ({@code plus}, {@code minus}) to a
 * {@link Tracker}; a view of the whole map (iteration, size) reads every id.
 */
final class TrackingMap<V> extends AbstractMap<Integer, V> implements PMap<Integer, V> {
    final PMap<Integer, V> inner;
    private final Tracker t;

    TrackingMap(PMap<Integer, V> inner, Tracker t) {
        this.inner = inner;
        this.t = t;
    }

    private TrackingMap<V> wrap(PMap<Integer, V> m) {
        return new TrackingMap<>(m, t);
    }

    @Override public V get(Object k) { t.readDom(k); return inner.get(k); }
    @Override public boolean containsKey(Object k) { t.readDom(k); return inner.containsKey(k); }
    @Override public Set<Entry<Integer, V>> entrySet() { t.readAllDoms(); return inner.entrySet(); }
    @Override public Set<Integer> keySet() { t.readAllDoms(); return inner.keySet(); }
    @Override public Collection<V> values() { t.readAllDoms(); return inner.values(); }
    @Override public int size() { t.readAllDoms(); return inner.size(); }
    @Override public boolean isEmpty() { t.readAllDoms(); return inner.isEmpty(); }
    @Override public boolean containsValue(Object v) { t.readAllDoms(); return inner.containsValue(v); }
    @Override public boolean equals(Object o) { t.readAllDoms(); return inner.equals(o instanceof TrackingMap ? ((TrackingMap<?>) o).inner : o); }
    @Override public int hashCode() { t.readAllDoms(); return inner.hashCode(); }

    @Override public PMap<Integer, V> plus(Integer k, V v) { t.readDom(k); t.writeDom(k); return wrap(inner.plus(k, v)); }
    @Override public PMap<Integer, V> minus(Object k) { t.readDom(k); t.writeDom(k); return wrap(inner.minus(k)); }
    @Override public PMap<Integer, V> plusAll(Map<? extends Integer, ? extends V> m) { bulk(); return wrap(inner.plusAll(m)); }
    @Override public PMap<Integer, V> minusAll(Collection<?> c) { bulk(); return wrap(inner.minusAll(c)); }

    private void bulk() {
        t.readAllDoms();
        t.writeAllDoms();
    }

    @Deprecated @Override public V put(Integer k, V v) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public V remove(Object k) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public void putAll(Map<? extends Integer, ? extends V> m) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public void clear() { throw new UnsupportedOperationException(); }
}
