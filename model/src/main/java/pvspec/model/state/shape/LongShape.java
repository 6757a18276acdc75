package pvspec.model.state.shape;

/** A boxed long of kind {@code kind}, as a collection's element (a GDT's frames). */
public final class LongShape extends Shape<Long> {
    private final Name kind;

    LongShape(Name kind) {
        this.kind = kind;
    }

    @Override
    public Class<?> javaType() {
        return Long.class;
    }

    @Override
    public void write(Long v, Sink out, int granter) {
        out.longInteger(kind, v);
    }

    @Override
    public Long read(Source in) {
        return in.longInteger(kind);
    }

    @Override
    public Long rebuild(Long v, Rebuilder rb, int granter) {
        return Long.valueOf(rb.longInteger(kind, v));
    }
}
