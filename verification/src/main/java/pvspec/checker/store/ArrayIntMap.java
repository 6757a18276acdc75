package pvspec.checker.store;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.pcollections.PMap;

/**
 * A persistent map from ints, kept as sorted arrays copied on every change: for the few domains,
 * traps and grant mappings of a checked state, cheaper to read and to change than a tree. It
 * iterates in increasing key order, as the model's {@code IntTreePMap} does, so a rule that
 * walks the domains sees them in the same order; equal to any map with the same entries.
 */
final class ArrayIntMap<V> extends AbstractMap<Integer, V> implements PMap<Integer, V> {
    private final int[] keys;
    private final Object[] values;
    private int hash;

    private ArrayIntMap(int[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    static <V> ArrayIntMap<V> of(Map<Integer, ? extends V> m) {
        if (m instanceof ArrayIntMap) {
            @SuppressWarnings("unchecked") ArrayIntMap<V> same = (ArrayIntMap<V>) m;
            return same;
        }
        int[] k = new int[m.size()];
        Object[] v = new Object[m.size()];
        int n = 0;
        for (Integer key : new java.util.TreeSet<>(m.keySet())) {
            k[n] = key;
            v[n++] = m.get(key);
        }
        return new ArrayIntMap<>(k, v);
    }

    private int indexOf(Object k) {
        if (!(k instanceof Integer)) return -1;
        int key = (Integer) k;
        for (int i = 0; i < keys.length; i++) if (keys[i] == key) return i; // a handful of keys: a scan beats a search
        return -1;
    }

    @SuppressWarnings("unchecked")
    @Override public V get(Object k) {
        int i = indexOf(k);
        return i < 0 ? null : (V) values[i];
    }

    @Override public boolean containsKey(Object k) {
        return indexOf(k) >= 0;
    }

    @Override public int size() {
        return keys.length;
    }

    @Override public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override public int hashCode() { // immutable: computed once
        int h = hash;
        if (h == 0) hash = h = super.hashCode();
        return h;
    }

    @Override public boolean equals(Object o) {
        if (o == this) return true;
        if (o instanceof ArrayIntMap) {
            ArrayIntMap<?> m = (ArrayIntMap<?>) o;
            return m.hashCode() == hashCode() && Arrays.equals(keys, m.keys) && Arrays.equals(values, m.values);
        }
        return super.equals(o);
    }

    @Override public ArrayIntMap<V> plus(Integer k, V v) {
        int i = indexOf(k);
        if (i >= 0) {
            if (values[i] == v) return this;
            Object[] nv = values.clone();
            nv[i] = v;
            return new ArrayIntMap<>(keys, nv);
        }
        int at = 0;
        while (at < keys.length && keys[at] < k) at++;
        int[] nk = new int[keys.length + 1];
        Object[] nv = new Object[keys.length + 1];
        System.arraycopy(keys, 0, nk, 0, at);
        System.arraycopy(values, 0, nv, 0, at);
        nk[at] = k;
        nv[at] = v;
        System.arraycopy(keys, at, nk, at + 1, keys.length - at);
        System.arraycopy(values, at, nv, at + 1, keys.length - at);
        return new ArrayIntMap<>(nk, nv);
    }

    @Override public ArrayIntMap<V> minus(Object k) {
        int i = indexOf(k);
        if (i < 0) return this;
        int[] nk = new int[keys.length - 1];
        Object[] nv = new Object[keys.length - 1];
        System.arraycopy(keys, 0, nk, 0, i);
        System.arraycopy(values, 0, nv, 0, i);
        System.arraycopy(keys, i + 1, nk, i, keys.length - i - 1);
        System.arraycopy(values, i + 1, nv, i, keys.length - i - 1);
        return new ArrayIntMap<>(nk, nv);
    }

    @Override public ArrayIntMap<V> plusAll(Map<? extends Integer, ? extends V> m) {
        ArrayIntMap<V> r = this;
        for (Map.Entry<? extends Integer, ? extends V> e : m.entrySet()) r = r.plus(e.getKey(), e.getValue());
        return r;
    }

    @Override public ArrayIntMap<V> minusAll(Collection<?> c) {
        ArrayIntMap<V> r = this;
        for (Object k : c) r = r.minus(k);
        return r;
    }

    @Override public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override public int size() {
                return keys.length;
            }

            @Override public Iterator<V> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override public boolean hasNext() {
                        return i < keys.length;
                    }

                    @SuppressWarnings("unchecked")
                    @Override public V next() {
                        if (i >= keys.length) throw new NoSuchElementException();
                        return (V) values[i++];
                    }
                };
            }
        };
    }

    @Override public Set<Map.Entry<Integer, V>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() {
                return keys.length;
            }

            @Override public Iterator<Map.Entry<Integer, V>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override public boolean hasNext() {
                        return i < keys.length;
                    }

                    @SuppressWarnings("unchecked")
                    @Override public Map.Entry<Integer, V> next() {
                        if (i >= keys.length) throw new NoSuchElementException();
                        Map.Entry<Integer, V> e = new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }

    @Deprecated @Override public V put(Integer k, V v) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public V remove(Object k) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public void putAll(Map<? extends Integer, ? extends V> m) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public void clear() { throw new UnsupportedOperationException(); }
}
