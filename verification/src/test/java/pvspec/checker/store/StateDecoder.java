package pvspec.checker.store;

import pvspec.model.abi.Pte;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.state.shape.Name;
import pvspec.model.state.shape.Source;
import pvspec.model.state.shape.StateShape;

/** Reads {@link StateCodec}'s encoding back (tests only): decoding proves the encoding injective. */
final class StateDecoder implements Source {
    private final byte[] b;
    private final Config c;
    private int pos;
    private int bits;
    private int nbits;

    private StateDecoder(byte[] b, Config c) {
        this.b = b;
        this.c = c;
    }

    static State decode(byte[] bytes, Config c) {
        StateDecoder d = new StateDecoder(bytes, c);
        State s = StateShape.STATE.read(d);
        if (d.pos != bytes.length) throw new IllegalStateException("trailing bytes");
        return s;
    }

    private int u8() {
        nbits = 0; // flags pending in the writer are flushed before any other value
        return b[pos++] & 0xFF;
    }

    private long uvar() {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = u8();
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
        }
    }

    private long svar() {
        long u = uvar();
        return (u >>> 1) ^ -(u & 1);
    }

    @Override
    public int integer(Name name) {
        int v = (int) svar();
        return name == Name.DOMID ? StateCodec.reservedFirst(v) : v; // the swap is its own inverse
    }

    @Override
    public long longInteger(Name name) {
        if (name != Name.PTE) return svar();
        long head = uvar();
        long mfn = (head & 1) == 0 ? 0 : uvar();
        long packed = head >>> 1;
        long rest = (packed & 0xFFF) | (packed >>> 12) << 52;
        return rest | mfn << Pte.MFN_SHIFT;
    }

    @Override
    public boolean bool() {
        if (nbits == 0 || nbits == 8) {
            bits = u8();
        }
        boolean v = (bits >>> nbits & 1) != 0;
        nbits++;
        return v;
    }

    @Override
    public int tag(int count) {
        return (int) uvar();
    }

    @Override
    public int size() {
        return (int) uvar();
    }

    @Override
    public void boundary() {
        nbits = 0;
    }

    @Override
    public Config config() {
        return c;
    }
}
