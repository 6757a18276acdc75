package pvspec.verification.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import pvspec.hypervisor.Checks;
import pvspec.verification.jpf.Scenario;
import pvspec.verification.jpf.Verdict;

/**
 * Runs Lincheck on one concurrency scenario: each chosen choice vector of the scenario becomes a
 * Lincheck custom scenario (thread {@code T} issues its picks from menu {@code T}, the post part
 * reads the final state), checked against {@link ModelOps}, and the result is classified.
 */
final class LincheckRun {
    private LincheckRun() {}

    static final int LOOP_BOUND = 300;

    static final class Outcome {
        final Verdict verdict;
        /** Lincheck's report (empty when linearizable). */
        final String report;
        final long invocations;
        final long distinctOutcomes;
        final double seconds;
        /** CPU time of the whole JVM meanwhile (Lincheck's threads, the JIT, the collector). */
        final double cpuSeconds;

        Outcome(Verdict verdict, String report, long invocations, long distinctOutcomes, double seconds, double cpuSeconds) {
            this.verdict = verdict;
            this.report = report;
            this.invocations = invocations;
            this.distinctOutcomes = distinctOutcomes;
            this.seconds = seconds;
            this.cpuSeconds = cpuSeconds;
        }

        @Override
        public String toString() {
            return verdict + " after " + invocations + " verified invocations (" + distinctOutcomes + " distinct outcomes), "
                    + String.format("%.1f s (%.1f s CPU)", seconds, cpuSeconds) + (report.isEmpty() ? "" : "\n" + report);
        }
    }

    static Outcome modelCheck(Scenario sc, Checks checks, List<Integer> vectors, int invocationsPerVector) {
        List<ExecutionScenario> s = new ArrayList<>();
        for (int v : vectors) s.add(scenario(sc, v));
        return modelCheckScenarios(sc, checks, s, invocationsPerVector);
    }

    static Outcome modelCheckScenarios(Scenario sc, Checks checks, List<ExecutionScenario> scenarios, int invocationsPerScenario) {
        // The hypervisor's loops are bounded by its tables (256 trap vectors, every frame, every
        // port), past Lincheck's default bound of 50 iterations before it calls a loop stuck. The
        // bound stays low: a thread that waits for a lock spins in the JDK's acquire loop, and
        // Lincheck decides it is stuck (a deadlock) only after that many iterations.
        ModelCheckingOptions o = new ModelCheckingOptions().loopBound(LOOP_BOUND)
                .addGuarantee(ManagedStrategyGuaranteeKt.forClasses(LincheckRun::immutableOrSnapshot).allMethods().ignore());
        return run(o, sc, checks, scenarios, invocationsPerScenario);
    }

    static Outcome stress(Scenario sc, Checks checks, List<Integer> vectors, int invocationsPerVector) {
        List<ExecutionScenario> s = new ArrayList<>();
        for (int v : vectors) s.add(scenario(sc, v));
        return run(new StressOptions(), sc, checks, s, invocationsPerVector);
    }

    private static Outcome run(Options<?, ?> options, Scenario sc, Checks checks, List<ExecutionScenario> scenarios, int invocationsPerScenario) {
        Fixture.use(sc, checks);
        options.iterations(0).invocationsPerIteration(invocationsPerScenario)
                .sequentialSpecification(ModelOps.class).verifier(CountingVerifier.class);
        for (ExecutionScenario e : scenarios) options.addCustomScenario(e);
        CountingVerifier.takeCounts();
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        Verdict verdict = Verdict.pass();
        String report = "";
        try {
            options.check(HypervisorOps.class);
        } catch (AssertionError e) {
            report = String.valueOf(e.getMessage());
            verdict = classify(report);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        long[] counts = CountingVerifier.takeCounts();
        return new Outcome(verdict, report, counts[0], counts[1], seconds, cpuSeconds);
    }

    /**
     * Code with no switch point worth exploring: the model and the persistent collections are
     * immutable (no shared mutable state, so no interleaving inside them can matter), and the
     * abstraction function runs holding every lock. Lincheck runs it without managing it, which
     * keeps the post part and the validation function (the model's invariants) fast. Not the
     * ABI ({@code pvspec.model.abi}): the hypervisor dispatches a request through its
     * {@code accept(Visitor)}, so ignoring it would run every hypercall as one atomic, unmanaged
     * step (no interleaving inside, a lock wait parked for real): no seeded race could be found.
     */
    private static boolean immutableOrSnapshot(String className) {
        return (className.startsWith("pvspec.model.") && !className.startsWith("pvspec.model.abi.")) || className.startsWith("org.pcollections.")
                || className.equals("pvspec.hypervisor.Abstraction") || className.equals("pvspec.verification.jpf.StateDigest");
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /**
     * The verdict of a Lincheck report, from the header it starts with: invalid results (not
     * linearizable), a hung execution (every thread waits: a deadlock), or a failed validation
     * function (and which invariant, from the {@link HypervisorOps.InvariantBroken} it threw).
     */
    static Verdict classify(String report) {
        if (report.contains("= Invalid execution results =")) return new Verdict(Verdict.Kind.NOT_LINEARIZABLE, "");
        // "see the thread dump": the run timed out, which is not Lincheck's own deadlock verdict.
        if (report.contains("= The execution has hung, see the thread dump =")) return new Verdict(Verdict.Kind.OTHER, "timeout (Lincheck's runner)");
        if (report.contains("= The execution has hung =")) return new Verdict(Verdict.Kind.DEADLOCK, "");
        String marker = HypervisorOps.InvariantBroken.class.getSimpleName() + ": ";
        int at = report.indexOf(marker);
        if (report.contains("= Validation function invariants has failed =") && at >= 0) {
            int from = at + marker.length();
            int colon = report.indexOf(':', from);
            if (colon > from) return new Verdict(Verdict.Kind.INVARIANT, report.substring(from, colon));
        }
        int nl = report.indexOf('\n');
        return new Verdict(Verdict.Kind.OTHER, nl < 0 ? report : report.substring(0, nl));
    }

    /** Choice vector {@code v} of {@code sc} as a Lincheck scenario: the vCPUs in parallel, then the final state. */
    static ExecutionScenario scenario(Scenario sc, int v) {
        int[][] picks = sc.picks(v);
        List<List<Actor>> parallel = new ArrayList<>();
        for (int t = 0; t < sc.threads(); t++) {
            List<Actor> thread = new ArrayList<>();
            for (int p : picks[t]) thread.add(new Actor(operation("vcpu" + t, int.class), List.of(p)));
            parallel.add(thread);
        }
        return new ExecutionScenario(List.of(), parallel, List.of(new Actor(operation("state"), List.of())), null);
    }

    /**
     * The program {@code picks}, with only the first {@code parallel[t]} calls of each thread
     * racing; the rest run afterwards, one thread after another in the order {@code then}, before
     * the final state is read. A smaller parallel part leaves Lincheck fewer interleavings to
     * search for the same race.
     */
    static ExecutionScenario scenario(Scenario sc, int[][] picks, int[] parallel, int[] then) {
        List<List<Actor>> par = new ArrayList<>();
        for (int t = 0; t < sc.threads(); t++) {
            List<Actor> thread = new ArrayList<>();
            for (int k = 0; k < parallel[t]; k++) thread.add(new Actor(operation("vcpu" + t, int.class), List.of(picks[t][k])));
            par.add(thread);
        }
        List<Actor> post = new ArrayList<>();
        for (int t : then) for (int k = parallel[t]; k < picks[t].length; k++) post.add(new Actor(operation("vcpu" + t, int.class), List.of(picks[t][k])));
        post.add(new Actor(operation("state"), List.of()));
        return new ExecutionScenario(List.of(), par, post, null);
    }

    private static Method operation(String name, Class<?>... params) {
        try {
            return HypervisorOps.class.getMethod(name, params);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
