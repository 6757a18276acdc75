package pvspec.checker.store;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.pcollections.PVector;

/**
 * A persistent vector that copies its array on every change: for the short vectors of a checked
 * state (nine frames, four ports), a copy of a few references costs less than a tree's path
 * copy, and a read is one array access instead of a tree walk. Equal to any list with the same
 * elements, so states built on it equal states built on the model's tree vectors.
 */
final class ArrayVector<E> extends AbstractList<E> implements PVector<E>, RandomAccess {
    private final Object[] a;
    private int hash;

    private ArrayVector(Object[] a) {
        this.a = a;
    }

    static <E> ArrayVector<E> of(List<? extends E> l) {
        return l instanceof ArrayVector ? cast(l) : new ArrayVector<>(l.toArray());
    }

    @SuppressWarnings("unchecked")
    private static <E> ArrayVector<E> cast(List<? extends E> l) {
        return (ArrayVector<E>) l;
    }

    @SuppressWarnings("unchecked")
    @Override public E get(int i) {
        return (E) a[i];
    }

    @Override public int size() {
        return a.length;
    }

    @Override public int hashCode() { // immutable: computed once
        int h = hash;
        if (h == 0) hash = h = super.hashCode();
        return h;
    }

    @Override public boolean equals(Object o) {
        if (o == this) return true;
        if (o instanceof ArrayVector && ((ArrayVector<?>) o).a.length == a.length && o.hashCode() == hashCode()) {
            Object[] b = ((ArrayVector<?>) o).a;
            for (int i = 0; i < a.length; i++) if (!Objects.equals(a[i], b[i])) return false;
            return true;
        }
        return !(o instanceof ArrayVector) && super.equals(o);
    }

    @Override public ArrayVector<E> with(int i, E e) {
        if (i < 0 || i >= a.length) throw new IndexOutOfBoundsException(i);
        if (a[i] == e) return this;
        Object[] b = a.clone();
        b[i] = e;
        return new ArrayVector<>(b);
    }

    @Override public ArrayVector<E> plus(E e) {
        return plus(a.length, e);
    }

    @Override public ArrayVector<E> plus(int i, E e) {
        List<E> l = new ArrayList<>(this);
        l.add(i, e);
        return new ArrayVector<>(l.toArray());
    }

    @Override public ArrayVector<E> plusAll(Collection<? extends E> c) {
        return plusAll(a.length, c);
    }

    @Override public ArrayVector<E> plusAll(int i, Collection<? extends E> c) {
        List<E> l = new ArrayList<>(this);
        l.addAll(i, c);
        return new ArrayVector<>(l.toArray());
    }

    @Override public ArrayVector<E> minus(Object e) {
        List<E> l = new ArrayList<>(this);
        return l.remove(e) ? new ArrayVector<>(l.toArray()) : this;
    }

    @Override public ArrayVector<E> minusAll(Collection<?> c) {
        List<E> l = new ArrayList<>(this);
        return l.removeAll(c) ? new ArrayVector<>(l.toArray()) : this;
    }

    @Override public ArrayVector<E> minus(int i) {
        List<E> l = new ArrayList<>(this);
        l.remove(i);
        return new ArrayVector<>(l.toArray());
    }

    @Override public ArrayVector<E> subList(int from, int to) {
        return new ArrayVector<>(super.subList(from, to).toArray());
    }

    @Deprecated @Override public boolean add(E e) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public void add(int i, E e) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public boolean addAll(int i, Collection<? extends E> c) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public E set(int i, E e) { throw new UnsupportedOperationException(); }
    @Deprecated @Override public E remove(int i) { throw new UnsupportedOperationException(); }
}
