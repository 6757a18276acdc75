package pvspec.model.state.shape;

import java.util.List;
import java.util.Optional;

/** An optional value: written as a size (0 or 1) and the value. */
public final class OptionalShape<T> extends Shape<Optional<T>> {
    private final Shape<T> value;

    OptionalShape(Shape<T> value) {
        this.value = value;
    }

    public Shape<T> value() {
        return value;
    }

    @Override
    public Class<?> javaType() {
        return Optional.class;
    }

    @Override
    public void write(Optional<T> v, Sink out, int granter) {
        out.size(v.isPresent() ? 1 : 0);
        if (v.isPresent()) value.write(v.get(), out, granter);
    }

    @Override
    public Optional<T> read(Source in) {
        return in.size() == 0 ? Optional.empty() : Optional.of(value.read(in));
    }

    @Override
    public Optional<T> rebuild(Optional<T> v, Rebuilder rb, int granter) {
        return v.isPresent() ? Optional.of(value.rebuild(v.get(), rb, granter)) : Optional.empty();
    }

    @Override
    public void diff(String path, Optional<T> a, Optional<T> b, List<String> out) {
        if (a != null && b != null && a.isPresent() && b.isPresent()) value.diff(path, a.get(), b.get(), out);
        else super.diff(path, a, b, out);
    }
}
