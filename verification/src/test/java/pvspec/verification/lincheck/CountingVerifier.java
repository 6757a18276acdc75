package pvspec.verification.lincheck;

import java.util.HashSet;
import java.util.Set;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.verifier.LinearizabilityVerifier;
import org.jetbrains.lincheck.datastructures.verifier.Verifier;

/**
 * Lincheck's linearizability verifier, counting what it is shown: every completed invocation
 * (one explored interleaving whose results reach the verifier) and the distinct outcomes among
 * them. Lincheck reports no statistics of its own; {@link LincheckRun} reads and resets these.
 * The counters are touched only by the verifier, which runs outside the explored executions.
 */
public final class CountingVerifier implements Verifier {
    private static long verified;
    private static final Set<ExecutionResult> OUTCOMES = new HashSet<>();

    private final LinearizabilityVerifier inner;

    public CountingVerifier(Class<?> sequentialSpecification) {
        inner = new LinearizabilityVerifier(sequentialSpecification);
    }

    @Override
    public boolean verifyResults(ExecutionScenario scenario, ExecutionResult results) {
        synchronized (OUTCOMES) {
            verified++;
            OUTCOMES.add(results);
        }
        return inner.verifyResults(scenario, results);
    }

    /** {verified invocations, distinct outcomes} since the last call; resets both. */
    static long[] takeCounts() {
        synchronized (OUTCOMES) {
            long[] c = {verified, OUTCOMES.size()};
            verified = 0;
            OUTCOMES.clear();
            return c;
        }
    }
}
