package pvspec.model.state.shape;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A record: its components in the record's order, and how to make one from their values.
 *
 * @param <R> the record
 */
public final class RecordShape<R> extends Shape<R> {
    private final Class<R> type;
    private final Component<R>[] components;
    private final Function<Args, R> make;
    private final boolean shared;

    @SafeVarargs
    RecordShape(Class<R> type, Function<Args, R> make, Component<R>... components) {
        this(type, make, false, components);
    }

    private RecordShape(Class<R> type, Function<Args, R> make, boolean shared, Component<R>[] components) {
        this.type = type;
        this.components = components.clone();
        this.make = make;
        this.shared = shared;
    }

    /**
     * The same description, for a record whose objects successive states mostly share (a frame,
     * a domain): a sink may then memoise an object's writing ({@link Sink#recall}).
     */
    public RecordShape<R> shared() {
        return new RecordShape<>(type, make, true, components);
    }

    public Class<R> type() {
        return type;
    }

    public List<Component<R>> components() {
        return List.of(components);
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public void write(R v, Sink out, int granter) {
        if (!shared) {
            for (Component<R> c : components) c.write(v, out, granter);
            return;
        }
        if (out.recall(v)) return;
        int mark = out.mark();
        for (Component<R> c : components) c.write(v, out, granter);
        out.remember(v, mark);
    }

    @Override
    public R read(Source in) {
        if (shared) in.boundary();
        Object[] a = new Object[components.length];
        for (int i = 0; i < a.length; i++) a[i] = components[i].read(in);
        if (shared) in.boundary();
        return make.apply(new Args(a));
    }

    @Override
    public R rebuild(R v, Rebuilder rb, int granter) {
        Object[] a = new Object[components.length];
        for (int i = 0; i < a.length; i++) a[i] = components[i].rebuild(v, rb, granter);
        return make.apply(new Args(a));
    }

    @Override
    public void diff(String path, R a, R b, List<String> out) {
        if (Objects.equals(a, b)) return;
        if (a == null || b == null) {
            super.diff(path, a, b, out);
            return;
        }
        for (Component<R> c : components) c.diff(path, a, b, out);
    }
}
