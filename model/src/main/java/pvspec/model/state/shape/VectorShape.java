package pvspec.model.state.shape;

import java.util.ArrayList;
import java.util.List;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * A vector whose position is a name of kind {@code index} (the frame table, by frame number; a
 * grant table, by reference) or a plain position ({@link Name#PLAIN}, {@link Name#PORT},
 * {@link Name#VCPU}): a renaming of that kind moves the elements.
 */
public final class VectorShape<E> extends Shape<PVector<E>> {
    private final Shape<E> element;
    private final Name index;
    private final String label;

    VectorShape(Shape<E> element, Name index, String label) {
        this.element = element;
        this.index = index;
        this.label = label;
    }

    public Shape<E> element() {
        return element;
    }

    @Override
    public Class<?> javaType() {
        return PVector.class;
    }

    @Override
    public void write(PVector<E> v, Sink out, int granter) {
        int n = v.size();
        out.size(n);
        for (int p = 0; p < n; p++) element.write(v.get(out.source(index, granter, p)), out, granter);
    }

    @Override
    public PVector<E> read(Source in) {
        int n = in.size();
        List<E> l = new ArrayList<>(n);
        for (int p = 0; p < n; p++) l.add(element.read(in));
        return TreePVector.from(l);
    }

    @Override
    public PVector<E> rebuild(PVector<E> v, Rebuilder rb, int granter) {
        int n = v.size();
        List<E> l = new ArrayList<>(n);
        for (int p = 0; p < n; p++) l.add(element.rebuild(v.get(rb.source(index, granter, p)), rb, granter));
        return rb.vector(l);
    }

    @Override
    public void diff(String path, PVector<E> a, PVector<E> b, List<String> out) {
        if (a == null || b == null || a.size() != b.size()) {
            super.diff(path, a, b, out);
            return;
        }
        for (int p = 0; p < a.size(); p++) {
            if (!a.get(p).equals(b.get(p))) element.diff(label == null ? path + "[" + p + "]" : label + p, a.get(p), b.get(p), out);
        }
    }
}
