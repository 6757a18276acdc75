package pvspec.checker.store;

import pvspec.model.abi.Pte;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.state.shape.Name;
import pvspec.model.state.shape.Sink;
import pvspec.model.state.shape.StateShape;

/**
 * Writes a state as a compact byte string, optionally under a {@link Renaming}: the visited set
 * stores these strings (or their 64-bit hashes) instead of state objects.
 *
 * <p>The state is walked through its description ({@link StateShape}): every field, in the
 * description's order, with self-delimiting varints, collections prefixed by their size, so for
 * one configuration the encoding is injective (a test decodes it back). Under a renaming, the
 * output is the encoding of the renamed state, written directly without building it: the
 * description says which numbers name a domain, a frame or a grant reference, and which
 * collections are indexed by them (frame position {@code p} holds old frame {@code mfnInv(p)}).
 * The configuration itself is not written: one search has one.
 */
public final class StateCodec implements Sink {
    private final Renaming r;
    private final int frames;
    private final ByteSink out;
    private final EncodingMemo memo;
    /** Flags not yet written: consecutive flags share a byte, up to eight. */
    private int bits;
    private int nbits;

    private StateCodec(Renaming r, Config c, ByteSink out) {
        this.r = r;
        this.frames = c.frames();
        this.out = out;
        this.memo = r == Renaming.IDENTITY ? out.memo() : null;
    }

    public static byte[] encode(State s) {
        ByteSink out = new ByteSink();
        encode(s, Renaming.IDENTITY, out);
        return out.toArray();
    }

    public static void encode(State s, Renaming r, ByteSink out) {
        out.reset();
        StateCodec codec = new StateCodec(r, s.config(), out);
        StateShape.write(s, codec);
        codec.flush();
    }

    /** Writes the pending flags; every other write calls it first, so the byte stream stays decodable. */
    private void flush() {
        if (nbits == 0) return;
        out.u8(bits);
        bits = 0;
        nbits = 0;
    }

    @Override
    public void integer(Name name, int value, int granter) {
        flush();
        int v = r.integer(name, value, granter);
        out.svar(name == Name.DOMID ? reservedFirst(v) : v);
    }

    /**
     * Swaps the reserved domain ids ({@code 0x7FF0..0x7FFF}: DOMID_XEN, DOMID_INVALID...) with
     * -16..-1, so that a free frame's owner takes one byte; a bijection, so still injective.
     */
    static int reservedFirst(int id) {
        if (id >= 0x7FF0 && id <= 0x7FFF) return id - 0x8000;
        if (id >= -16 && id < 0) return id + 0x8000;
        return id;
    }

    @Override
    public void longInteger(Name name, long value) {
        flush();
        switch (name) {
            case MFN: out.svar(r.frame(value, frames)); break;
            case PTE: word(value); break;
            default: out.svar(value);
        }
    }

    /** A word read as a page-table entry: its frame number is renamed if it names a frame. */
    private void word(long w) {
        long mfn = Pte.mfn(w);
        if (mfn < frames) mfn = r.mfn(mfn);
        long rest = w & ~Pte.MFN_MASK;
        long packed = (rest & 0xFFF) | (rest >>> 52) << 12;
        if (mfn == 0) {
            out.uvar(packed << 1);
        } else {
            out.uvar(packed << 1 | 1);
            out.uvar(mfn);
        }
    }

    @Override
    public void bool(boolean value) {
        if (value) bits |= 1 << nbits;
        if (++nbits == 8) flush();
    }

    @Override
    public void tag(int index) {
        flush();
        out.uvar(index);
    }

    @Override
    public void size(int n) {
        flush();
        out.uvar(n);
    }

    @Override
    public boolean recall(Object value) {
        flush();
        return memo != null && memo.recall(value, out);
    }

    @Override
    public int mark() {
        return out.size(); // recall has flushed
    }

    @Override
    public void remember(Object value, int mark) {
        flush();
        if (memo != null) memo.remember(value, out, mark);
    }

    @Override
    public int source(Name index, int granter, int p) {
        return r.source(index, granter, p);
    }

    @Override
    public boolean renames(Name name) {
        return name == Name.DOMID && r.renamesDomains();
    }

    @Override
    public int renamed(Name name, int value, int granter) {
        return r.integer(name, value, granter);
    }
}
