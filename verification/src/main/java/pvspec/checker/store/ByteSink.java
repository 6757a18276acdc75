package pvspec.checker.store;

import java.util.Arrays;

/** A growable byte buffer for state encodings: unsigned LEB128 varints, reused per thread. */
public final class ByteSink {
    private byte[] buf = new byte[512];
    private int size;
    private EncodingMemo memo;

    public void reset() {
        size = 0;
    }

    public byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    int size() {
        return size;
    }

    /** Appends {@code bytes}. */
    void append(byte[] bytes) {
        int n = bytes.length;
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(size * 2, size + n));
        System.arraycopy(bytes, 0, buf, size, n);
        size += n;
    }

    /** The content from {@code from} on. */
    byte[] copyFrom(int from) {
        return Arrays.copyOfRange(buf, from, size);
    }

    /** This sink's memo of shared records' encodings (it lives as long as the sink, in one thread). */
    EncodingMemo memo() {
        if (memo == null) memo = new EncodingMemo();
        return memo;
    }

    void u8(int b) {
        if (size == buf.length) buf = Arrays.copyOf(buf, size * 2);
        buf[size++] = (byte) b;
    }

    /** An unsigned varint: 7 bits a byte, high bit set on all but the last. */
    void uvar(long v) {
        while ((v & ~0x7FL) != 0) {
            u8((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        u8((int) v);
    }

    /** A signed varint (zig-zag), so that small negative numbers stay short. */
    public void svar(long v) {
        uvar((v << 1) ^ (v >> 63));
    }

    void bool(boolean b) {
        u8(b ? 1 : 0);
    }

    /** Exchanges contents with {@code o} (no copying). */
    public void swapWith(ByteSink o) {
        byte[] b = buf;
        int n = size;
        buf = o.buf;
        size = o.size;
        o.buf = b;
        o.size = n;
    }

    /** Lexicographic comparison with another sink's content (unsigned bytes). */
    public int compareTo(ByteSink o) {
        return Arrays.compareUnsigned(buf, 0, size, o.buf, 0, o.size);
    }

    /** 64-bit hash of the content (for fingerprints). */
    public long hash64() {
        return Hash64.of(buf, 0, size);
    }
}
