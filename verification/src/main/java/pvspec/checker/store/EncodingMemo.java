package pvspec.checker.store;

/**
 * The encodings of recently written shared records (frames, domains), by object identity: a step
 * changes one or two frames and domains and shares the rest with its parent, so most of a
 * successor's encoding was already written for its parent or a sibling. Direct-mapped: a slot
 * keeps the last object hashed to it. Only the identity renaming's encodings are kept (an
 * object's encoding under it never changes, records being immutable).
 */
final class EncodingMemo {
    private static final int SLOTS = 1 << 14;
    private final Object[] keys = new Object[SLOTS];
    private final byte[][] encodings = new byte[SLOTS][];

    /** Appends {@code v}'s remembered encoding to {@code out}; false if none is remembered. */
    boolean recall(Object v, ByteSink out) {
        int i = System.identityHashCode(v) & (SLOTS - 1);
        if (keys[i] != v) return false;
        out.append(encodings[i]);
        return true;
    }

    void remember(Object v, ByteSink out, int from) {
        int i = System.identityHashCode(v) & (SLOTS - 1);
        keys[i] = v;
        encodings[i] = out.copyFrom(from);
    }
}
