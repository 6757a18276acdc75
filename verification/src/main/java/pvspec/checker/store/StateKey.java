package pvspec.checker.store;

import java.util.Arrays;

/** A state's key in exact mode: its (canonical) encoding, with the hash computed once. */
public final class StateKey {
    private final byte[] bytes;
    private final int hash;

    public StateKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateKey && ((StateKey) o).hash == hash && Arrays.equals(((StateKey) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
