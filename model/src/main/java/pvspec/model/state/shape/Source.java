package pvspec.model.state.shape;

import pvspec.model.state.Config;

/** Gives back, in the description's order, what a {@link Sink} received ({@link Shape#read}). */
public interface Source {
    int integer(Name name);

    long longInteger(Name name);

    boolean bool();

    /** An enum constant or a variant, by its index below {@code count}. */
    int tag(int count);

    int size();

    /** The start or the end of a shared record ({@link Sink#recall}): a byte-aligned point of the writing. */
    default void boundary() {}

    /** The configuration, which encodings leave out (one search has one). */
    Config config();
}
