package pvspec.model.state;

/** A cached translation: the frame a virtual page reached, and whether the walk allowed writes. */
public record TlbEntry(long mfn, boolean writable) {}
