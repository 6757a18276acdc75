package pvspec.checker.reduction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import pvspec.checker.config.Symmetry;
import pvspec.checker.store.ByteSink;
import pvspec.checker.store.Renaming;
import pvspec.checker.store.StateCodec;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Maptrack;
import pvspec.model.state.State;

/**
 * The key a state is stored under in the visited set: its encoding, or under symmetry the least
 * encoding among some renamings of it. Two states with equal keys are renamings of each other by
 * an automorphism of the transition system, so they have the same futures up to renaming and
 * the same invariant verdicts; the search expands only the first one it meets, and reports traces
 * through the concrete states it expanded, so a counterexample never needs renaming back.
 *
 * <h2>Grant references ({@link Symmetry#GRANT_REFS})</h2>
 * A grant reference is a name the granting guest picks: no rule allocates, orders or compares
 * references except for equality and the range check, and a mapping records which reference it
 * uses. So permuting one domain's references (and the maptrack entries naming them) maps runs to
 * runs, provided the request space is closed under the permutation (checked by
 * {@link SymmetryAnalysis}). The canonical order sorts each domain's references by their entry
 * and the mappings that use them; references that tie are indistinguishable.
 *
 * <h2>DomUs ({@link Symmetry#DOMUS})</h2>
 * Domain ids and frame numbers are not plain names: {@code createdomain} takes the lowest free
 * id and {@code populate_physmap} the lowest free frames, and stale references (an unbound port
 * offered to a dead domain, a word in a data frame naming a freed frame) make the reuse order
 * observable. Swapping two domUs (with their frames) can change which freed frame is handed out
 * first, and then whether an old entry maps the new owner's frame. So the renaming is sound only
 * while nothing can return to the free pool: then every allocation draws from frames and ids that
 * are free now, which the renamings below leave in place, and every other use of an id or a frame
 * number is an equality test. {@link SymmetryAnalysis} enables it only for such configurations.
 * The renamings tried permute the present domUs among themselves (domains with equally many
 * frames), mapping each one's frames to its image's frames in increasing order.
 */
public final class Canonicalizer {
    private final Config c;
    private final boolean refs;
    private final boolean domus;

    public Canonicalizer(Config c, boolean refs, boolean domus) {
        this.c = c;
        this.refs = refs;
        this.domus = domus;
    }

    boolean isIdentity() {
        return !refs && !domus;
    }

    /** Writes the key of {@code s} into {@code out}; {@code scratch} is working space. */
    public void key(State s, ByteSink out, ByteSink scratch) {
        if (isIdentity()) {
            StateCodec.encode(s, Renaming.IDENTITY, out);
            return;
        }
        List<Renaming> candidates = domus ? domainRenamings(s) : List.of(Renaming.IDENTITY);
        boolean first = true;
        for (Renaming r : candidates) {
            if (refs) r = r.withRefs(referenceOrder(s, r));
            if (first) {
                StateCodec.encode(s, r, out);
                first = false;
            } else {
                StateCodec.encode(s, r, scratch);
                if (scratch.compareTo(out) < 0) out.swapWith(scratch);
            }
        }
    }

    /** Each present domU permutation that maps domains to domains with as many frames, frames in order. */
    private List<Renaming> domainRenamings(State s) {
        List<Integer> present = new ArrayList<>();
        for (int d = 1; d < c.domains(); d++) if (s.domains().containsKey(d)) present.add(d);
        long[][] owned = new long[c.domains()][];
        for (int d : present) owned[d] = ownedFrames(s, d);
        List<Renaming> out = new ArrayList<>();
        permute(present, 0, owned, out);
        return out;
    }

    private void permute(List<Integer> ids, int k, long[][] owned, List<Renaming> out) {
        if (k == ids.size()) {
            out.add(renaming(ids, owned));
            return;
        }
        for (int i = k; i < ids.size(); i++) {
            java.util.Collections.swap(ids, k, i);
            permute(ids, k + 1, owned, out);
            java.util.Collections.swap(ids, k, i);
        }
    }

    /** {@code images.get(k)}'s old id becomes the k-th present id (in increasing order). */
    private Renaming renaming(List<Integer> images, long[][] owned) {
        List<Integer> sorted = new ArrayList<>(images);
        sorted.sort(Comparator.naturalOrder());
        int[] dom = new int[c.domains()];
        for (int d = 0; d < dom.length; d++) dom[d] = d;
        int[] mfn = new int[c.frames()];
        for (int m = 0; m < mfn.length; m++) mfn[m] = m;
        for (int k = 0; k < images.size(); k++) {
            int from = images.get(k);
            int to = sorted.get(k);
            if (owned[from].length != owned[to].length) return Renaming.IDENTITY;
            dom[from] = to;
            for (int i = 0; i < owned[from].length; i++) mfn[(int) owned[from][i]] = (int) owned[to][i];
        }
        return new Renaming(dom, mfn, null);
    }

    private long[] ownedFrames(State s, int d) {
        List<Long> out = new ArrayList<>();
        for (int m = 0; m < c.frames(); m++) if (s.frame(m).owner() == d) out.add((long) m);
        long[] a = new long[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    /**
     * Each domain's references in canonical order under {@code r}: sorted by what the entry and its
     * mappings say. A domain whose references all look alike (the usual case: unused) keeps its order.
     */
    private int[][] referenceOrder(State s, Renaming r) {
        int[][] order = new int[c.domains()][];
        List<long[]> uses = null;
        ByteSink sig = new ByteSink();
        for (int gid = 0; gid < c.domains(); gid++) {
            Domain g = s.domains().get(gid);
            if (g == null) continue;
            int n = g.grants().size();
            boolean alike = true;
            for (int ref = 1; ref < n && alike; ref++) alike = g.grants().get(ref).equals(g.grants().get(0));
            if (uses == null) uses = uses(s, r);
            boolean used = false;
            for (long[] u : uses) used |= u[0] == gid;
            if (alike && !used) continue;
            byte[][] sigs = new byte[n][];
            for (int ref = 0; ref < n; ref++) {
                sig.reset();
                GrantEntry e = g.grants().get(ref);
                sig.svar(e.flags());
                sig.svar(r.dom(e.domid()));
                sig.svar(frame(e.frame(), r));
                for (long[] u : uses) {
                    if (u[0] != gid || u[1] != ref) continue;
                    for (int k = 2; k < u.length; k++) sig.svar(u[k]);
                }
                sigs[ref] = sig.toArray();
            }
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            Arrays.sort(idx, (a, b) -> Arrays.compareUnsigned(sigs[a], sigs[b]));
            int[] perm = new int[n];
            for (int pos = 0; pos < n; pos++) perm[idx[pos]] = pos;
            order[gid] = perm;
        }
        return order;
    }

    /** Every grant mapping as (granter, ref, renamed mapper, handle, frame, flags), sorted. */
    private List<long[]> uses(State s, Renaming r) {
        List<long[]> out = new ArrayList<>();
        for (int id = 0; id < c.domains(); id++) {
            Domain d = s.domains().get(id);
            if (d == null || d.maptrack().isEmpty()) continue;
            for (Map.Entry<Integer, Maptrack> mt : d.maptrack().entrySet()) {
                Maptrack m = mt.getValue();
                out.add(new long[] {m.dom(), m.ref(), r.dom(d.id()), mt.getKey(), frame(m.frame(), r), m.flags()});
            }
        }
        out.sort(Arrays::compare);
        return out;
    }

    private long frame(long m, Renaming r) {
        return m >= 0 && m < c.frames() ? r.mfn(m) : m;
    }
}
