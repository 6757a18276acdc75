package pvspec.verification.jpf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pvspec.model.abi.Result;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;

/**
 * Computes the {@link Oracle} on the JVM: for every scenario, the model's state after the setup,
 * and for every choice vector, the outcome of every interleaving of the threads' programs
 * applied to the model in sequence (each thread's requests in program order). That set is what
 * linearizability allows. Every state reached is checked against every invariant here, so an
 * outcome found in the oracle is one the invariants hold on.
 */
public final class OracleBuilder {
    private OracleBuilder() {}

    /** The texts behind the fingerprints, for messages and for the readable dump. */
    public static final class Texts {
        public final List<String> lines = new ArrayList<>();
    }

    public static Oracle build(List<Scenario> scenarios) {
        return build(scenarios, null);
    }

    public static Oracle build(List<Scenario> scenarios, Texts texts) {
        Oracle o = new Oracle();
        for (Scenario sc : scenarios) {
            State s = State.initial(sc.config);
            Result[] setupResults = new Result[sc.setup.size()];
            for (int i = 0; i < setupResults.length; i++) {
                Call c = sc.setup.get(i);
                Outcome out = Step.step(s, c.caller, c.request);
                setupResults[i] = out.result();
                s = out.state();
            }
            requireInvariants(s, sc.name + " setup");
            String setupText = Oracle.setup(setupResults, StateDigest.of(s));
            o.setups.put(sc.name, Oracle.fingerprint(setupText));
            if (texts != null) texts.lines.add(sc.name + " " + setupText);
            long[][] allowed = new long[sc.vectors()][];
            for (int v = 0; v < allowed.length; v++) {
                Set<String> outcomes = sequentialOutcomes(sc, s, sc.picks(v));
                long[] fps = new long[outcomes.size()];
                int i = 0;
                for (String text : outcomes) {
                    fps[i++] = Oracle.fingerprint(text);
                    if (texts != null) texts.lines.add(sc.name + " " + v + " " + text);
                }
                allowed[v] = fps;
            }
            o.allowed.put(sc.name, allowed);
        }
        return o;
    }

    /** The outcome texts of every interleaving of the programs {@code picks} selects, from {@code start}. */
    public static Set<String> sequentialOutcomes(Scenario sc, State start, int[][] picks) {
        Call[][] programs = new Call[sc.threads()][];
        for (int t = 0; t < programs.length; t++) programs[t] = sc.program(picks, t);
        Set<String> out = new LinkedHashSet<>();
        Result[][] results = new Result[programs.length][];
        for (int t = 0; t < programs.length; t++) results[t] = new Result[programs[t].length];
        interleave(sc, programs, new int[programs.length], start, results, out);
        return out;
    }

    private static void interleave(Scenario sc, Call[][] programs, int[] next, State s, Result[][] results, Set<String> out) {
        boolean done = true;
        for (int t = 0; t < programs.length; t++) {
            if (next[t] == programs[t].length) continue;
            done = false;
            Call c = programs[t][next[t]];
            Outcome o = Step.step(s, c.caller, c.request);
            requireInvariants(o.state(), sc.name + " after " + c.line());
            results[t][next[t]] = o.result();
            next[t]++;
            interleave(sc, programs, next, o.state(), results, out);
            next[t]--;
            results[t][next[t]] = null;
        }
        if (done) out.add(Oracle.outcome(results, StateDigest.of(s)));
    }

    private static void requireInvariants(State s, String where) {
        List<Violation> v = Invariants.check(s);
        if (!v.isEmpty()) throw new IllegalStateException("the model breaks an invariant (" + where + "): " + v);
    }
}
