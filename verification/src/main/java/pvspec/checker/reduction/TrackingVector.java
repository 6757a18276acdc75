package pvspec.checker.reduction;

import java.util.AbstractList;
import java.util.Collection;
import java.util.Iterator;
import java.util.ListIterator;
import org.pcollections.PVector;

/**
 * The frame table of a state under observation: a persistent vector that reports every element
 * read ({@code get}) or replaced ({@code with}) to a {@link Tracker}; anything that looks at the
 * whole vector (iteration, equality, bulk changes) counts as reading or writing every frame.
 */
final class TrackingVector<E> extends AbstractList<E> implements PVector<E> {
    final PVector<E> inner;
    private final Tracker t;

    TrackingVector(PVector<E> inner, Tracker t) {
        this.inner = inner;
        this.t = t;
    }

    private TrackingVector<E> wrap(PVector<E> v) {
        return new TrackingVector<>(v, t);
    }

    @Override public E get(int i) { t.readFrame(i); return inner.get(i); }
    @Override public int size() { return inner.size(); }
    @Override public Iterator<E> iterator() { t.readAllFrames(); return inner.iterator(); }
    @Override public ListIterator<E> listIterator() { t.readAllFrames(); return inner.listIterator(); }
    @Override public ListIterator<E> listIterator(int i) { t.readAllFrames(); return inner.listIterator(i); }
    @Override public boolean equals(Object o) { t.readAllFrames(); return inner.equals(o instanceof TrackingVector ? ((TrackingVector<?>) o).inner : o); }
    @Override public int hashCode() { t.readAllFrames(); return inner.hashCode(); }

    @Override public PVector<E> with(int i, E e) { t.readFrame(i); t.writeFrame(i); return wrap(inner.with(i, e)); }
    @Override public PVector<E> plus(E e) { bulk(); return wrap(inner.plus(e)); }
    @Override public PVector<E> plusAll(Collection<? extends E> c) { bulk(); return wrap(inner.plusAll(c)); }
    @Override public PVector<E> plus(int i, E e) { bulk(); return wrap(inner.plus(i, e)); }
    @Override public PVector<E> plusAll(int i, Collection<? extends E> c) { bulk(); return wrap(inner.plusAll(i, c)); }
    @Override public PVector<E> minus(Object e) { bulk(); return wrap(inner.minus(e)); }
    @Override public PVector<E> minusAll(Collection<?> c) { bulk(); return wrap(inner.minusAll(c)); }
    @Override public PVector<E> minus(int i) { bulk(); return wrap(inner.minus(i)); }
    @Override public PVector<E> subList(int from, int to) { t.readAllFrames(); return wrap(inner.subList(from, to)); }

    private void bulk() {
        t.readAllFrames();
        t.writeAllFrames();
    }

    @Deprecated @Override public boolean add(E e) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public void add(int i, E e) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public boolean addAll(int i, Collection<? extends E> c) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public E set(int i, E e) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public E remove(int i) { throw new UnsupportedOperationException(); }
}
