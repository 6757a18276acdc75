package pvspec.verification.jpf;

import java.util.Arrays;
import java.util.Map;
import pvspec.model.abi.Result;
import pvspec.model.state.State;
import pvspec.model.state.shape.Name;
import pvspec.model.state.shape.Sink;
import pvspec.model.state.shape.StateShape;

/**
 * A canonical text of a model {@link State} (and of {@link Result}s) that Java PathFinder can
 * compute: every field, in the order of the state's description, written from accessors into a
 * {@code StringBuilder} — no record {@code equals}, {@code hashCode} or {@code toString}, which
 * JPF cannot execute. Booleans are one letter; numbers end with a comma; collections start with
 * their size and variants with their index, so the text is injective for one configuration. Two states have equal digests exactly when they
 * are equal; the harnesses compare states by their digests, inside JPF and on the JVM alike.
 */
public final class StateDigest implements Sink {
    private final StringBuilder b = new StringBuilder(1024);

    private StateDigest() {}

    /** Every field of the state, in the order of its description ({@link StateShape}). */
    public static String of(State s) {
        StateDigest d = new StateDigest();
        StateShape.write(s, d);
        return d.b.toString();
    }

    @Override
    public void integer(Name name, int value, int granter) {
        b.append(value).append(',');
    }

    @Override
    public void longInteger(Name name, long value) {
        if (name == Name.PTE) b.append(Long.toHexString(value)).append(',');
        else b.append(value).append(',');
    }

    @Override
    public void bool(boolean value) {
        b.append(value ? 't' : 'f');
    }

    @Override
    public void tag(int index) {
        b.append('#').append(index).append(',');
    }

    @Override
    public void size(int n) {
        b.append('[').append(n).append(']');
    }

    @Override
    public int source(Name index, int granter, int p) {
        return p;
    }

    @Override
    public boolean renames(Name name) {
        return false;
    }

    @Override
    public int renamed(Name name, int value, int granter) {
        return value;
    }

    /** The keys of an integer-keyed map, ascending. */
    static int[] keys(Map<Integer, ?> m) {
        int[] k = new int[m.size()];
        int i = 0;
        for (Integer key : m.keySet()) k[i++] = key;
        Arrays.sort(k);
        return k;
    }

    /**
     * A result as the trace format writes it ({@code Result}'s own, hand-written {@code toString}),
     * except that an extent list shows every allocated frame, not only how many.
     */
    public static String result(Result r) {
        if (!(r instanceof Result.Extents)) return r.toString();
        StringBuilder b = new StringBuilder("extents");
        for (Long mfn : ((Result.Extents) r).mfns()) b.append(':').append(mfn.longValue());
        return b.toString();
    }
}
