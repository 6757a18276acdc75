package pvspec.model.state.shape;

import pvspec.model.state.Words;

/** A frame's contents: its words, each of kind {@code kind} (a page-table entry's frame is renamed). */
public final class WordsShape extends Shape<Words> {
    private final Name kind;

    WordsShape(Name kind) {
        this.kind = kind;
    }

    @Override
    public Class<?> javaType() {
        return Words.class;
    }

    @Override
    public void write(Words w, Sink out, int granter) {
        int n = w.size();
        out.size(n);
        for (int i = 0; i < n; i++) out.longInteger(kind, w.get(i));
    }

    @Override
    public Words read(Source in) {
        long[] a = new long[in.size()];
        for (int i = 0; i < a.length; i++) a[i] = in.longInteger(kind);
        return words(a);
    }

    @Override
    public Words rebuild(Words w, Rebuilder rb, int granter) {
        long[] a = new long[w.size()];
        for (int i = 0; i < a.length; i++) a[i] = rb.longInteger(kind, w.get(i));
        return words(a);
    }

    /** All-zero contents are the shared instance, as the model makes them. */
    private static Words words(long[] a) {
        for (long x : a) if (x != 0) return Words.of(a);
        return Words.zero(a.length);
    }
}
