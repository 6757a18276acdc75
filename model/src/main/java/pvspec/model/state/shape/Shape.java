package pvspec.model.state.shape;

import java.util.List;
import java.util.Objects;

/**
 * How one kind of value of the model state is made: a record of components, a collection, an
 * optional, a sum of records, a frame's words. Every walker that must treat every field of the
 * state (the checker's encoding and renaming, the JPF digest and canonical layout, the state
 * diff) reads the description ({@link StateShape}) through the four operations below instead of
 * naming the fields itself, so a new field is described once.
 *
 * <p>{@code granter} is the domain whose grant table the grant references met below belong to
 * (see {@link Name#GRANT_REF}); a component that declares a granter sets it for its value.
 *
 * @param <T> the values it describes
 */
public abstract class Shape<T> {
    Shape() {}

    /** The Java type of the values it describes, as a record component declares it. */
    public abstract Class<?> javaType();

    /** Writes {@code v} to {@code out}, component by component, in the description's order. */
    public abstract void write(T v, Sink out, int granter);

    /** Reads back what {@link #write} wrote (without a renaming). */
    public abstract T read(Source in);

    /** A new value made of {@code v}'s components as {@code rb} transforms them. */
    public abstract T rebuild(T v, Rebuilder rb, int granter);

    /** Adds a line for each part where {@code a} and {@code b} differ, under {@code path}. */
    public void diff(String path, T a, T b, List<String> out) {
        if (!Objects.equals(a, b)) out.add(path + ": model " + a + ", implementation " + b);
    }
}
