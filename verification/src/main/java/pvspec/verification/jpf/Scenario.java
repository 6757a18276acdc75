package pvspec.verification.jpf;

import java.util.List;
import pvspec.model.state.Config;

/**
 * One race the concurrent-vCPU harness aims at: a machine built by {@code setup} (plain
 * hypercalls, issued before any vCPU thread starts), then one thread per menu, each issuing
 * its number of requests ({@code calls}) chosen from its menu.
 *
 * <p>A choice vector picks every thread's requests; vectors are numbered in mixed radix, thread 0's
 * first pick most significant.
 */
public final class Scenario {
    public final String name;
    /** What the scenario makes race, in words. */
    public final String aim;
    public final Config config;
    public final List<Call> setup;
    /** Per thread (vCPU), the requests it may issue; every call of a menu has the same caller. */
    public final Call[][] menus;
    /** Per thread, how many requests it issues. */
    public final int[] calls;

    Scenario(String name, String aim, Config config, List<Call> setup, Call[][] menus, int callsPerThread) {
        this(name, aim, config, setup, menus, same(menus.length, callsPerThread));
    }

    Scenario(String name, String aim, Config config, List<Call> setup, Call[][] menus, int[] calls) {
        this.name = name;
        this.aim = aim;
        this.config = config;
        this.setup = setup;
        this.menus = menus;
        this.calls = calls;
    }

    private static int[] same(int threads, int calls) {
        int[] c = new int[threads];
        for (int t = 0; t < threads; t++) c[t] = calls;
        return c;
    }

    public int threads() {
        return menus.length;
    }

    /** How many choice vectors (program combinations) the scenario has. */
    public int vectors() {
        int n = 1;
        for (int t = 0; t < menus.length; t++) for (int k = 0; k < calls[t]; k++) n *= menus[t].length;
        return n;
    }

    /** Vector number {@code vector} as picks: {@code [thread][k]} is an index into {@code menus[thread]}. */
    public int[][] picks(int vector) {
        int[][] p = new int[menus.length][];
        for (int t = 0; t < menus.length; t++) p[t] = new int[calls[t]];
        int rest = vector;
        for (int t = menus.length - 1; t >= 0; t--) {
            for (int k = calls[t] - 1; k >= 0; k--) {
                p[t][k] = rest % menus[t].length;
                rest /= menus[t].length;
            }
        }
        return p;
    }

    /** The number of the vector made of these picks. */
    public int vector(int[][] picks) {
        int v = 0;
        for (int t = 0; t < menus.length; t++) for (int k = 0; k < calls[t]; k++) v = v * menus[t].length + picks[t][k];
        return v;
    }

    /** Thread {@code t}'s requests under {@code picks}. */
    public Call[] program(int[][] picks, int t) {
        Call[] c = new Call[calls[t]];
        for (int k = 0; k < calls[t]; k++) c[k] = menus[t][picks[t][k]];
        return c;
    }

    /** The programs, one line per thread, for messages. */
    public String describe(int[][] picks) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < menus.length; t++) {
            b.append("\n  thread ").append(t).append(':');
            for (Call c : program(picks, t)) b.append("  ").append(c.line()).append(';');
        }
        return b.toString();
    }
}
