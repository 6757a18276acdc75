package pvspec.model.state.shape;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/** The combinators {@link StateShape} is written with. */
public final class Shapes {
    private Shapes() {}

    @SafeVarargs
    public static <R> RecordShape<R> record(Class<R> type, Function<Args, R> make, Component<R>... components) {
        return new RecordShape<>(type, make, components);
    }

    public static <R> Component<R> integer(String name, ToIntFunction<R> get) {
        return new Component.Int<>(name, Name.PLAIN, get, null);
    }

    public static <R> Component<R> integer(String name, Name kind, ToIntFunction<R> get) {
        if (kind == Name.GRANT_REF) throw new IllegalArgumentException("a grant reference names its granter: use grantRef");
        return new Component.Int<>(name, kind, get, null);
    }

    /** A grant reference into the table of the domain {@code granter} names. */
    public static <R> Component<R> grantRef(String name, ToIntFunction<R> get, ToIntFunction<R> granter) {
        return new Component.Int<>(name, Name.GRANT_REF, get, granter);
    }

    public static <R> Component<R> longInteger(String name, ToLongFunction<R> get) {
        return new Component.Long<>(name, Name.PLAIN, get);
    }

    public static <R> Component<R> longInteger(String name, Name kind, ToLongFunction<R> get) {
        return new Component.Long<>(name, kind, get);
    }

    public static <R> Component<R> bool(String name, Predicate<R> get) {
        return new Component.Bool<>(name, get);
    }

    public static <R, E extends Enum<E>> Component<R> enumeration(String name, Class<E> type, Function<R, E> get) {
        return new Component.Enumerated<>(name, type, get);
    }

    public static <R, T> Component<R> value(String name, Shape<T> shape, Function<R, T> get) {
        return new Component.Value<>(name, shape, get, null);
    }

    /** A value whose grant references (or positions by reference) belong to the domain {@code granter} names. */
    public static <R, T> Component<R> value(String name, Shape<T> shape, Function<R, T> get, ToIntFunction<R> granter) {
        return new Component.Value<>(name, shape, get, granter);
    }

    public static <E> VectorShape<E> vector(Shape<E> element, Name index) {
        return new VectorShape<>(element, index, null);
    }

    /** A vector whose elements a diff names {@code label} and their position ("frame 3"). */
    public static <E> VectorShape<E> vector(Shape<E> element, Name index, String label) {
        return new VectorShape<>(element, index, label);
    }

    public static <V> IntMapShape<V> intMap(Name key, Shape<V> value) {
        return new IntMapShape<>(key, value, null);
    }

    public static <V> IntMapShape<V> intMap(Name key, Shape<V> value, String label) {
        return new IntMapShape<>(key, value, label);
    }

    public static <V> LongMapShape<V> longMap(Shape<V> value) {
        return new LongMapShape<>(value);
    }

    public static <T> OptionalShape<T> optional(Shape<T> value) {
        return new OptionalShape<>(value);
    }

    @SafeVarargs
    public static <T> SumShape<T> sum(Class<T> type, RecordShape<? extends T>... variants) {
        return new SumShape<>(type, List.of(variants));
    }

    public static WordsShape words(Name kind) {
        return new WordsShape(kind);
    }

    public static LongShape longs(Name kind) {
        return new LongShape(kind);
    }

    public static ConfigShape config() {
        return new ConfigShape();
    }
}
