package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.Options;
import pvspec.checker.report.CheckReport;
import pvspec.checker.search.ModelChecker;

/** Threads change the speed, not the answer: the same states, the same numbering, the same trace. */
class DeterminismTest {

    @Test
    void oneAndTwoThreadsReportTheSameCounterexample() {
        CheckConfig cfg = Checks.load("tiny-grants");
        Options o = Options.defaults().withModel(PlantedBugs.UNMAP_KEEPS_READING);
        CheckReport one = ModelChecker.run(cfg, o.withThreads(1));
        CheckReport two = ModelChecker.run(cfg, o.withThreads(2));
        CheckReport four = ModelChecker.run(cfg, o.withThreads(4));
        assertThat(two.counterexample().orElseThrow().print()).isEqualTo(one.counterexample().orElseThrow().print());
        assertThat(four.counterexample().orElseThrow().print()).isEqualTo(one.counterexample().orElseThrow().print());
    }

    @Test
    void underSymmetryTheTraceIsStillTheSameOnAnyNumberOfThreads() {
        CheckConfig cfg = Checks.load("tiny-domus");
        Options o = Options.defaults().withModel(PlantedBugs.LEAK_ON_UNPIN);
        CheckReport one = ModelChecker.run(cfg, o.withThreads(1));
        CheckReport three = ModelChecker.run(cfg, o.withThreads(3));
        assertThat(one.reductions()).contains("symmetry of domUs: applied");
        assertThat(three.counterexample().orElseThrow().print()).isEqualTo(one.counterexample().orElseThrow().print());
        assertThat(three.levelSizes().subList(0, 2)).isEqualTo(one.levelSizes().subList(0, 2));
    }

    @Test
    void oneAndTwoThreadsFindTheSameStates() {
        CheckConfig cfg = CheckConfig.small();
        CheckReport one = ModelChecker.run(cfg, Options.defaults().withDepth(1).withThreads(1));
        CheckReport two = ModelChecker.run(cfg, Options.defaults().withDepth(1).withThreads(2));
        assertThat(two.levelSizes()).isEqualTo(one.levelSizes());
        assertThat(two.transitions()).isEqualTo(one.transitions());
        assertThat(two.coverage().codesSeen()).isEqualTo(one.coverage().codesSeen());
    }
}
