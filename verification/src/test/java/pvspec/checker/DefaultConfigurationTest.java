package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.HypervisorUnderTest;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.search.Scenario;
import pvspec.model.abi.Pte;
import pvspec.model.rules.Step;
import pvspec.model.state.Domain;
import pvspec.model.state.PageType;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;

/**
 * The default configuration of {@code pvspec check} (issue 16): no depth or state bound, so the
 * search runs to a fixpoint; it has the ingredients the issue names; its first levels are the
 * states an independent naive enumeration finds; and every seeded bug is found in it by the
 * checker's conformance mode with a shortest trace. The fixpoint itself (over a million states)
 * is a benchmark, reported in the README, not a test.
 */
class DefaultConfigurationTest {
    private static final CheckConfig SMALL = CheckConfig.small();

    @Test
    void theDefaultHasNoBoundAndTheIngredientsTheIssueAsksFor() {
        assertThat(SMALL.depth()).isEmpty();
        assertThat(SMALL.maxStates()).isEmpty();
        State s = Scenario.finalState(SMALL.scenario(), Step::step);
        Domain d1 = s.dom(1);
        Domain d2 = s.dom(2);
        assertThat(d1.running()).isTrue();
        assertThat(d2.running()).isTrue();
        long l2 = d1.vcpu(0).baseptr();
        assertThat(s.frame(l2).type()).isEqualTo(PageType.L2);
        assertThat(Pte.mfn(s.frame(l2).entry(3))).as("a linear map: the L2 maps itself").isEqualTo(l2);
        assertThat(d1.grants().get(0).inUse()).isTrue();
        assertThat(d2.maptrack()).isNotEmpty();
        assertThat(d1.port(1).state()).isInstanceOf(PortState.Interdomain.class);
        assertThat(d1.vcpu(0).traps()).isNotEmpty();
        assertThat(SMALL.requests().all()).anyMatch(r -> r.kind().contains("access"))
                .anyMatch(r -> r.kind().contains("tlb_flush_local"));
    }

    @Test
    void itsFirstLevelsAreWhatANaiveEnumerationFindsAndEveryKindRuns() {
        CheckReport r = ModelChecker.run(SMALL, Options.defaults().withDepth(3).withThreads(2));
        NaiveSearch.Result naive = NaiveSearch.count(SMALL, 3, x -> x);
        assertThat(r.status()).isEqualTo(Status.COMPLETE_TO_DEPTH);
        assertThat(r.levelSizes()).isEqualTo(naive.levelSizes());
        assertThat(r.counterexample()).isEmpty();
        assertThat(r.coverage().kindsNeverRun()).isEmpty();
    }

    /** The split's seeded bugs: the default has its kinds from user mode only; examples/usersplit.check finds them ({@link UserSplitConfigurationTest}). */
    static final java.util.Set<String> SPLIT_MUTANTS = java.util.Set.of("multicall-continues-after-iret", "foreign-user-root",
            "iret-without-user-root", "mode-switch-keeps-tlb", "stack-switch-keeps-rpl", "segment-base-unchecked");

    /**
     * BFS gives a shortest trace; that no shorter one exists is checked by a search one level
     * shallower. A device map's bus-address check needs device maps, which the default leaves to
     * examples/grants.check (they grow its space by more than a quarter).
     */
    @Test
    void everySeededBugIsFoundWithAShortestTrace() throws Exception {
        CheckConfig grants = CheckConfig.load(java.nio.file.Path.of("../examples/grants.check"));
        for (Mutant m : Mutants.ALL) {
            if (SPLIT_MUTANTS.contains(m.name())) continue;
            if (PreemptConfigurationTest.FAMILY.contains(m.name())) continue; // found in examples/preempt.check
            if (DestroyConfigurationTest.MUTANTS.contains(m.name())) continue; // found in examples/destroy.check
            if (Preempt3ConfigurationTest.FAMILY.contains(m.name())) continue; // needs three levels: examples/preempt3.check
            if (m.name().equals("transfer-over-max-pages")) continue; // needs a transfer that steals: examples/transfer.check (TransferExampleTest)
            if (GrantCopyExampleTest.MUTANTS.contains(m.name())) continue; // found in examples/grant-copy.check
            if (GrantVersionExampleTest.MUTANTS.contains(m.name())) continue; // needs references beyond 8: examples/grant-version.check
            if (m.name().equals("swap-ignores-pin")) continue; // needs a swap that succeeds here: found in examples/errors.check (ErrorsExampleTest)
            CheckConfig config = m.name().equals("grant-dev-addr-unchecked") ? grants : SMALL;
            Options o = Options.defaults().withImplementation(HypervisorUnderTest.with(m.checks())).withThreads(2);
            CheckReport r = ModelChecker.run(config, o);
            assertThat(r.divergence()).as(m.name()).isPresent();
            assertThat(r.depth()).as(m.name()).isBetween(1, 4);
            if (r.depth() > 1) assertThat(ModelChecker.run(config, o.withDepth(r.depth() - 1)).divergence()).as(m.name()).isEmpty();
        }
    }
}
