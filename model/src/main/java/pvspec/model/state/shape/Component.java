package pvspec.model.state.shape;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One component of a described record: its name (the record component's), what it holds, and
 * its accessor. Numbers are read without boxing.
 *
 * @param <R> the record
 */
public abstract class Component<R> {
    private final String name;

    Component(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The Java type of the record component it describes (a primitive class for numbers and flags). */
    public abstract Class<?> javaType();

    /** The nested shape, for components that hold one; null for numbers, flags and enums. */
    public Shape<?> shape() {
        return null;
    }

    /** The component's value in {@code r}, boxed (for tests and diffs). */
    public abstract Object get(R r);

    abstract void write(R r, Sink out, int granter);

    abstract Object read(Source in);

    abstract Object rebuild(R r, Rebuilder rb, int granter);

    void diff(String path, R a, R b, List<String> out) {
        Object x = get(a);
        Object y = get(b);
        if (!Objects.equals(x, y)) out.add(path + " " + name + ": model " + x + ", implementation " + y);
    }

    static final class Int<R> extends Component<R> {
        private final Name kind;
        private final ToIntFunction<R> get;
        private final ToIntFunction<R> granter;

        Int(String name, Name kind, ToIntFunction<R> get, ToIntFunction<R> granter) {
            super(name);
            this.kind = kind;
            this.get = get;
            this.granter = granter;
        }

        @Override public Class<?> javaType() { return int.class; }
        @Override public Object get(R r) { return get.applyAsInt(r); }

        @Override void write(R r, Sink out, int g) {
            out.integer(kind, get.applyAsInt(r), granter == null ? g : granter.applyAsInt(r));
        }

        @Override Object read(Source in) { return in.integer(kind); }

        @Override Object rebuild(R r, Rebuilder rb, int g) {
            return rb.integer(kind, get.applyAsInt(r), granter == null ? g : granter.applyAsInt(r));
        }
    }

    static final class Long<R> extends Component<R> {
        private final Name kind;
        private final ToLongFunction<R> get;

        Long(String name, Name kind, ToLongFunction<R> get) {
            super(name);
            this.kind = kind;
            this.get = get;
        }

        @Override public Class<?> javaType() { return long.class; }
        @Override public Object get(R r) { return get.applyAsLong(r); }
        @Override void write(R r, Sink out, int g) { out.longInteger(kind, get.applyAsLong(r)); }
        @Override Object read(Source in) { return in.longInteger(kind); }
        @Override Object rebuild(R r, Rebuilder rb, int g) { return rb.longInteger(kind, get.applyAsLong(r)); }
    }

    static final class Bool<R> extends Component<R> {
        private final Predicate<R> get;

        Bool(String name, Predicate<R> get) {
            super(name);
            this.get = get;
        }

        @Override public Class<?> javaType() { return boolean.class; }
        @Override public Object get(R r) { return get.test(r); }
        @Override void write(R r, Sink out, int g) { out.bool(get.test(r)); }
        @Override Object read(Source in) { return in.bool(); }
        @Override Object rebuild(R r, Rebuilder rb, int g) { return get.test(r); }
    }

    static final class Enumerated<R, E extends Enum<E>> extends Component<R> {
        private final Class<E> type;
        private final E[] values;
        private final Function<R, E> get;

        Enumerated(String name, Class<E> type, Function<R, E> get) {
            super(name);
            this.type = type;
            this.values = type.getEnumConstants();
            this.get = get;
        }

        @Override public Class<?> javaType() { return type; }
        @Override public Object get(R r) { return get.apply(r); }
        @Override void write(R r, Sink out, int g) { out.tag(get.apply(r).ordinal()); }
        @Override Object read(Source in) { return values[in.tag(values.length)]; }
        @Override Object rebuild(R r, Rebuilder rb, int g) { return get.apply(r); }
    }

    static final class Value<R, T> extends Component<R> {
        private final Class<?> type;
        private final Shape<T> shape;
        private final Function<R, T> get;
        private final ToIntFunction<R> granter;

        Value(String name, Shape<T> shape, Function<R, T> get, ToIntFunction<R> granter) {
            super(name);
            this.type = shape.javaType();
            this.shape = shape;
            this.get = get;
            this.granter = granter;
        }

        @Override public Class<?> javaType() { return type; }
        @Override public Shape<?> shape() { return shape; }
        @Override public Object get(R r) { return get.apply(r); }

        @Override void write(R r, Sink out, int g) {
            shape.write(get.apply(r), out, granter == null ? g : granter.applyAsInt(r));
        }

        @Override Object read(Source in) { return shape.read(in); }

        @Override Object rebuild(R r, Rebuilder rb, int g) {
            return shape.rebuild(get.apply(r), rb, granter == null ? g : granter.applyAsInt(r));
        }

        @Override void diff(String path, R a, R b, List<String> out) {
            T x = get.apply(a);
            T y = get.apply(b);
            if (!Objects.equals(x, y)) shape.diff(path + " " + name(), x, y, out);
        }
    }
}
