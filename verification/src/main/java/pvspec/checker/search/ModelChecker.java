package pvspec.checker.search;

import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckProperties;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.ProgressListener;

/**
 * The built-in explicit-state model checker: breadth-first exploration of the model from a
 * configuration's initial state over every request of its request space, checking INV-1..INV-13
 * at every new state and the step-level constraints on every transition, and (in conformance
 * mode) comparing an implementation with the model on every transition.
 *
 * <pre>
 * CheckReport r = ModelChecker.run(CheckConfig.small(), Options.defaults(), ProgressListener.NONE);
 * System.out.print(r.summary());
 * r.counterexample().ifPresent(c -&gt; System.out.print(c.print()));   // a trace pvspec replay runs
 * </pre>
 */
public final class ModelChecker {
    private ModelChecker() {}

    public static CheckReport run(CheckConfig config, Options options, ProgressListener progress) {
        return new Search(config, effective(config.properties(), options), progress).run();
    }

    /** The reductions a run's properties leave sound (see {@link CheckProperties}). */
    static Options effective(CheckProperties p, Options o) {
        if (p.isEmpty()) return o;
        Options out = o.withSymmetry(java.util.Set.of());
        return p.constraints().isEmpty() ? out : out.withIndependence(false);
    }

    public static CheckReport run(CheckConfig config, Options options) {
        return run(config, options, ProgressListener.NONE);
    }
}
