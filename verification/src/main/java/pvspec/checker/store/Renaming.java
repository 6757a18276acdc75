package pvspec.checker.store;

/**
 * A renaming of the names a state uses: domain ids, machine frames, and each domain's grant
 * references. Forward maps say what an old name becomes; the inverses let an encoder write the
 * renamed state position by position. A {@code null} map is the identity.
 */
public final class Renaming {
    public static final Renaming IDENTITY = new Renaming(null, null, null);

    private final int[] dom;
    private final int[] domInv;
    private final int[] mfn;
    private final int[] mfnInv;
    /** {@code ref[d][r]}: the new number of reference {@code r} of (old) domain {@code d}. */
    private final int[][] ref;
    private final int[][] refInv;

    public Renaming(int[] dom, int[] mfn, int[][] ref) {
        this.dom = dom;
        this.domInv = invert(dom);
        this.mfn = mfn;
        this.mfnInv = invert(mfn);
        this.ref = ref;
        if (ref == null) {
            this.refInv = null;
        } else {
            this.refInv = new int[ref.length][];
            for (int d = 0; d < ref.length; d++) refInv[d] = invert(ref[d]);
        }
    }

    public Renaming withRefs(int[][] refs) {
        return new Renaming(dom, mfn, refs);
    }

    /** What domain id {@code d} becomes; ids outside the renamed range (DOMID_SELF, XEN, ...) stay. */
    public int dom(int d) {
        return dom != null && d >= 0 && d < dom.length ? dom[d] : d;
    }

    /** The old domain that new id {@code d} came from. */
    int domInv(int d) {
        return domInv != null && d >= 0 && d < domInv.length ? domInv[d] : d;
    }

    public long mfn(long m) {
        return mfn != null && m >= 0 && m < mfn.length ? mfn[(int) m] : m;
    }

    long mfnInv(long m) {
        return mfnInv != null && m >= 0 && m < mfnInv.length ? mfnInv[(int) m] : m;
    }

    /** What reference {@code r} of (old) domain {@code granter} becomes. */
    public int ref(int granter, int r) {
        if (ref == null || granter < 0 || granter >= ref.length || ref[granter] == null) return r;
        return r >= 0 && r < ref[granter].length ? ref[granter][r] : r;
    }

    /** The old reference of (old) domain {@code granter} that new position {@code r} holds. */
    int refInv(int granter, int r) {
        if (refInv == null || granter < 0 || granter >= refInv.length || refInv[granter] == null) return r;
        return r >= 0 && r < refInv[granter].length ? refInv[granter][r] : r;
    }

    private static int[] invert(int[] p) {
        if (p == null) return null;
        int[] inv = new int[p.length];
        for (int i = 0; i < p.length; i++) inv[p[i]] = i;
        return inv;
    }
}
