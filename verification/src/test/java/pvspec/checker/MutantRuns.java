package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.HypervisorUnderTest;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;

/** The checker run against the hypervisor, standard or with a seeded bug, as the examples' tests use it. */
final class MutantRuns {
    private MutantRuns() {}

    /** A fixpoint of {@code c}: every invariant holds and the standard hypervisor agrees on every transition. */
    static CheckReport agreeingFixpoint(CheckConfig c) {
        CheckReport r = ModelChecker.run(c, Options.defaults().withImplementation(HypervisorUnderTest.standard()).withThreads(2));
        assertThat(r.status()).isEqualTo(Status.FIXPOINT);
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.divergence()).isEmpty();
        return r;
    }

    static Options against(String mutant) {
        Mutant m = Mutants.ALL.stream().filter(x -> x.name().equals(mutant)).findFirst().orElseThrow();
        return Options.defaults().withImplementation(HypervisorUnderTest.with(m.checks())).withThreads(2);
    }

    /** Each bug makes the hypervisor diverge within {@code maxSteps}, the configuration's scenario included. */
    static void eachFoundWithin(CheckConfig c, Collection<String> mutants, int maxSteps) {
        for (String name : mutants) {
            CheckReport r = ModelChecker.run(c, against(name));
            assertThat(r.divergence()).as(name).isPresent();
            assertThat(c.scenario().steps().size() + r.depth()).as(name).isLessThanOrEqualTo(maxSteps);
        }
    }
}
