package pvspec.model.state;

import java.util.Arrays;

/**
 * The contents of one frame: {@code entries} 64-bit words, read as page-table entries when the
 * frame is typed as a table. Immutable; {@link #with} copies.
 */
public final class Words {
    private final long[] words;
    private final int hash;

    private Words(long[] words) {
        this.words = words;
        this.hash = Arrays.hashCode(words);
    }

    private static final Words[] ZEROS = new Words[513];

    /** {@code n} zero words (shared: most frames are zero). */
    public static Words zero(int n) {
        if (n < ZEROS.length) {
            Words z = ZEROS[n];
            if (z == null) {
                z = new Words(new long[n]);
                ZEROS[n] = z; // benign race: any instance is equal
            }
            return z;
        }
        return new Words(new long[n]);
    }

    public static Words of(long... words) {
        return new Words(words.clone());
    }

    public int size() {
        return words.length;
    }

    public long get(int i) {
        return words[i];
    }

    public Words with(int i, long value) {
        if (words[i] == value) return this;
        long[] copy = words.clone();
        copy[i] = value;
        return new Words(copy);
    }

    public boolean isZero() {
        for (long w : words) if (w != 0) return false;
        return true;
    }

    public long[] toArray() {
        return words.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Words && ((Words) o).hash == hash && Arrays.equals(((Words) o).words, words);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(words);
    }
}
