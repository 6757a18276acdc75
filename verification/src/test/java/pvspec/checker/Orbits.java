package pvspec.checker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pvspec.checker.store.Renaming;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.checker.store.StateRenamer;

/**
 * Brute-force orbit keys for tests: the set of all images of a state under a symmetry group,
 * built with {@link StateRenamer}. Two states have the same key exactly when one is an image of
 * the other, whatever order the checker's canonical form picks.
 */
final class Orbits {
    private Orbits() {}

    /** Every permutation of every domain's grant references. */
    static Set<State> underReferencePermutations(State s) {
        Config c = s.config();
        List<int[][]> all = new ArrayList<>();
        refs(c, 0, new int[c.domains()][], all);
        Set<State> out = new HashSet<>();
        for (int[][] r : all) out.add(StateRenamer.rename(s, new Renaming(null, null, r)));
        return out;
    }

    private static void refs(Config c, int d, int[][] acc, List<int[][]> out) {
        if (d == c.domains()) {
            int[][] copy = new int[acc.length][];
            for (int i = 0; i < acc.length; i++) copy[i] = acc[i].clone();
            out.add(copy);
            return;
        }
        for (int[] p : permutations(c.grants())) {
            acc[d] = p;
            refs(c, d + 1, acc, out);
        }
    }

    /** Every permutation of the present domUs between domUs with as many frames, frames matched in increasing order. */
    static Set<State> underDomainPermutations(State s) {
        Config c = s.config();
        List<Integer> present = new ArrayList<>();
        for (int d = 1; d < c.domains(); d++) if (s.domains().containsKey(d)) present.add(d);
        Set<State> out = new HashSet<>();
        for (int[] p : permutations(present.size())) {
            int[] dom = new int[c.domains()];
            int[] mfn = new int[c.frames()];
            for (int i = 0; i < dom.length; i++) dom[i] = i;
            for (int i = 0; i < mfn.length; i++) mfn[i] = i;
            boolean ok = true;
            for (int k = 0; k < present.size(); k++) {
                int from = present.get(k);
                int to = present.get(p[k]);
                List<Integer> a = owned(s, from);
                List<Integer> b = owned(s, to);
                if (a.size() != b.size()) ok = false;
                dom[from] = to;
                for (int i = 0; ok && i < a.size(); i++) mfn[a.get(i)] = b.get(i);
            }
            if (ok) out.add(StateRenamer.rename(s, new Renaming(dom, mfn, null)));
        }
        return out;
    }

    private static List<Integer> owned(State s, int d) {
        List<Integer> out = new ArrayList<>();
        for (int m = 0; m < s.config().frames(); m++) if (s.frame(m).owner() == d) out.add(m);
        return out;
    }

    static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(new int[n], new boolean[n], 0, out);
        return out;
    }

    private static void permute(int[] acc, boolean[] used, int k, List<int[]> out) {
        if (k == acc.length) {
            out.add(acc.clone());
            return;
        }
        for (int i = 0; i < acc.length; i++) {
            if (used[i]) continue;
            used[i] = true;
            acc[k] = i;
            permute(acc, used, k + 1, out);
            used[i] = false;
        }
    }
}
