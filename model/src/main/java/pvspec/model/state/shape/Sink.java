package pvspec.model.state.shape;

/**
 * Receives a value's components in the description's order ({@link Shape#write}): the checker's
 * state encoding, the JPF digest. Numbers come with what they name; a sink that renames (the
 * checker under a symmetry) writes the renamed number and says, through {@link #source}, which
 * element each position of a renamed collection holds.
 */
public interface Sink {
    void integer(Name name, int value, int granter);

    void longInteger(Name name, long value);

    void bool(boolean value);

    /** An enum constant or a variant of a sum, by its index. */
    void tag(int index);

    /** The number of elements of a collection, or 0/1 for an absent/present optional. */
    void size(int n);

    /**
     * The old position whose element goes at position {@code p} of a collection indexed by
     * {@code index} (for grant references, of {@code granter}'s table); {@code p} when not renamed.
     */
    int source(Name index, int granter, int p);

    /** Whether this sink renames numbers of this kind (a map keyed by them is then re-sorted). */
    boolean renames(Name name);

    /** The number {@code value} (of kind {@code name}) becomes. */
    int renamed(Name name, int value, int granter);

    /**
     * For a record described as shared ({@link RecordShape#shared}): whether the sink has written
     * {@code value} again from a memo of an earlier write of the same object, which the walker
     * then skips. Records are immutable, so an object's writing never changes.
     */
    default boolean recall(Object value) {
        return false;
    }

    /** Where the writing of a shared record starts (before {@link #remember}). */
    default int mark() {
        return 0;
    }

    /** The writing of shared record {@code value}, from {@code mark} on, is done. */
    default void remember(Object value, int mark) {}
}
