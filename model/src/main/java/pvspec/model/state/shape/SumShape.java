package pvspec.model.state.shape;

import java.util.List;

/**
 * A sealed interface whose variants are records (a port's state): written as the variant's index
 * and its components. A variant without components is rebuilt as its shared constant.
 */
public final class SumShape<T> extends Shape<T> {
    private final Class<T> type;
    private final List<RecordShape<? extends T>> variants;

    SumShape(Class<T> type, List<RecordShape<? extends T>> variants) {
        this.type = type;
        this.variants = variants;
    }

    public Class<T> type() {
        return type;
    }

    public List<RecordShape<? extends T>> variants() {
        return variants;
    }

    private int variant(T v) {
        for (int i = 0; i < variants.size(); i++) if (variants.get(i).type().isInstance(v)) return i;
        throw new IllegalArgumentException("no variant of " + type.getSimpleName() + " describes " + v.getClass().getName());
    }

    @SuppressWarnings("unchecked")
    private <V extends T> RecordShape<V> shape(int i) {
        return (RecordShape<V>) variants.get(i);
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public void write(T v, Sink out, int granter) {
        int i = variant(v);
        out.tag(i);
        shape(i).write(v, out, granter);
    }

    @Override
    public T read(Source in) {
        return shape(in.tag(variants.size())).read(in);
    }

    @Override
    public T rebuild(T v, Rebuilder rb, int granter) {
        return shape(variant(v)).rebuild(v, rb, granter);
    }

    @Override
    public void diff(String path, T a, T b, List<String> out) {
        if (a != null && b != null && a.getClass() == b.getClass()) shape(variant(a)).diff(path, a, b, out);
        else super.diff(path, a, b, out);
    }
}
