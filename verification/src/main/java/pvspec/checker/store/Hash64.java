package pvspec.checker.store;

/**
 * A 64-bit hash of a byte string for fingerprint mode: 8-byte lanes mixed with the murmur3 /
 * splitmix finalizer, so that every input bit affects every output bit. Fingerprint mode's
 * collision estimate assumes this behaves like a random function.
 */
public final class Hash64 {
    private Hash64() {}

    private static final long SEED = 0x9E3779B97F4A7C15L;

    public static long of(byte[] b, int off, int len) {
        long h = SEED ^ (len * 0xC2B2AE3D27D4EB4FL);
        int i = off;
        int end = off + len;
        while (i + 8 <= end) {
            long k = (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                    | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
            h = mix(h ^ mix(k)) * 0x9E3779B97F4A7C15L;
            i += 8;
        }
        long k = 0;
        for (int s = 0; i < end; i++, s += 8) k |= (b[i] & 0xFFL) << s;
        h = mix(h ^ mix(k ^ 0xFF51AFD7ED558CCDL));
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
