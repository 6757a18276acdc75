package pvspec.model.state.shape;

import java.util.Map;
import java.util.TreeMap;
import org.pcollections.PSortedMap;
import org.pcollections.TreePMap;

/** A sorted map from plain longs (a vCPU's TLB, by virtual page): no renaming touches its keys. */
public final class LongMapShape<V> extends Shape<PSortedMap<Long, V>> {
    private final Shape<V> value;

    LongMapShape(Shape<V> value) {
        this.value = value;
    }

    public Shape<V> value() {
        return value;
    }

    @Override
    public Class<?> javaType() {
        return PSortedMap.class;
    }

    @Override
    public void write(PSortedMap<Long, V> m, Sink out, int granter) {
        out.size(m.size());
        if (m.isEmpty()) return;
        for (Map.Entry<Long, V> e : m.entrySet()) {
            out.longInteger(Name.PLAIN, e.getKey());
            value.write(e.getValue(), out, granter);
        }
    }

    @Override
    public PSortedMap<Long, V> read(Source in) {
        int n = in.size();
        TreeMap<Long, V> t = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            long k = in.longInteger(Name.PLAIN);
            t.put(k, value.read(in));
        }
        return TreePMap.from(t);
    }

    @Override
    public PSortedMap<Long, V> rebuild(PSortedMap<Long, V> m, Rebuilder rb, int granter) {
        TreeMap<Long, V> t = new TreeMap<>();
        for (Map.Entry<Long, V> e : m.entrySet()) t.put(Long.valueOf(e.getKey().longValue()), value.rebuild(e.getValue(), rb, granter));
        return rb.longMap(t);
    }
}
