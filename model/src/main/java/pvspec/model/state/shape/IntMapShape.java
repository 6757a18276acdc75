package pvspec.model.state.shape;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;

/**
 * A map from ints of kind {@code key}, iterated in increasing key order (the domains by id, a
 * domain's grant mappings by handle, a vCPU's traps by vector). Under a renaming of its keys it
 * is written in increasing order of the renamed keys.
 */
public final class IntMapShape<V> extends Shape<PMap<Integer, V>> {
    private final Name key;
    private final Shape<V> value;
    private final String label;

    IntMapShape(Name key, Shape<V> value, String label) {
        this.key = key;
        this.value = value;
        this.label = label;
    }

    public Shape<V> value() {
        return value;
    }

    @Override
    public Class<?> javaType() {
        return PMap.class;
    }

    @Override
    public void write(PMap<Integer, V> m, Sink out, int granter) {
        int n = m.size();
        out.size(n);
        if (n == 0) return;
        if (!out.renames(key)) {
            for (Map.Entry<Integer, V> e : m.entrySet()) {
                out.integer(key, e.getKey(), granter);
                value.write(e.getValue(), out, granter);
            }
            return;
        }
        int[] keys = new int[n];
        long[] order = new long[n]; // renamed key in the high half, position in the low: sorts by renamed key
        int i = 0;
        for (Integer k : m.keySet()) {
            keys[i] = k;
            order[i] = (long) out.renamed(key, k, granter) << 32 | i;
            i++;
        }
        java.util.Arrays.sort(order);
        for (long o : order) {
            int k = keys[(int) o];
            out.integer(key, k, granter);
            value.write(m.get(k), out, granter);
        }
    }

    @Override
    public PMap<Integer, V> read(Source in) {
        int n = in.size();
        PMap<Integer, V> m = IntTreePMap.empty();
        for (int i = 0; i < n; i++) {
            int k = in.integer(key);
            m = m.plus(k, value.read(in));
        }
        return m;
    }

    @Override
    public PMap<Integer, V> rebuild(PMap<Integer, V> m, Rebuilder rb, int granter) {
        TreeMap<Integer, V> t = new TreeMap<>();
        for (Map.Entry<Integer, V> e : m.entrySet()) t.put(rb.integer(key, e.getKey(), granter), value.rebuild(e.getValue(), rb, granter));
        return rb.intMap(t);
    }

    @Override
    public void diff(String path, PMap<Integer, V> a, PMap<Integer, V> b, List<String> out) {
        if (a == null || b == null) {
            super.diff(path, a, b, out);
            return;
        }
        TreeSet<Integer> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (int k : keys) {
            V x = a.get(k);
            V y = b.get(k);
            if (!Objects.equals(x, y)) value.diff(label == null ? path + "[" + k + "]" : label + k, x, y, out);
        }
    }
}
