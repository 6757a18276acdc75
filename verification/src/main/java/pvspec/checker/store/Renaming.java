package pvspec.checker.store;

import pvspec.model.state.shape.Name;

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

    /** Whether it renames some domain id. */
    public boolean renamesDomains() {
        return dom != null;
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

    /** What a number the state description calls {@code name} becomes (of {@code granter}'s table, for a reference). */
    public int integer(Name name, int value, int granter) {
        switch (name) {
            case DOMID: return dom(value);
            case GRANT_REF: return ref(granter, value);
            default: return value;
        }
    }

    /** What a frame number becomes: only frames of the table ({@code frames} of them) are renamed. */
    public long frame(long m, int frames) {
        return m >= 0 && m < frames ? mfn(m) : m;
    }

    /** The old position whose element a renamed collection indexed by {@code index} holds at {@code p}. */
    public int source(Name index, int granter, int p) {
        switch (index) {
            case MFN: return (int) mfnInv(p);
            case GRANT_REF: return refInv(granter, p);
            default: return p;
        }
    }

    private static int[] invert(int[] p) {
        if (p == null) return null;
        int[] inv = new int[p.length];
        for (int i = 0; i < p.length; i++) inv[p[i]] = i;
        return inv;
    }
}
