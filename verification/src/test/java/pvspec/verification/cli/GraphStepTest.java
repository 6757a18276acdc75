package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.invariant.Violation;
import pvspec.model.trace.Trace;
import pvspec.verification.graph.DotRenderer;
import pvspec.verification.replay.Replayer;

/** graph draws the state after a chosen step, exits 1 on a failing trace as replay does, and draws what a violation names in red. */
class GraphStepTest {
    @Test
    void stepChoosesTheStateDrawn() {
        String t = Cli.scenario("linear-page-tables");
        Cli initial = Cli.run("graph", t, "--step", "0");
        assertThat(initial.exit).isZero();
        assertThat(initial.out).contains("state after 0 steps").doesNotContain("subgraph cluster_d1");
        Cli three = Cli.run("graph", t, "--step", "3");
        assertThat(three.out).contains("state after 3 steps (line ").contains("subgraph cluster_d1");
        assertThat(Cli.run("graph", t).out).contains("state after 21 steps");
    }

    @Test
    void aFailingTraceIsDrawnAtItsFailureAndExitsOne() {
        Cli r = Cli.run("graph", Cli.resource("cli/broken-expectation.trace"));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("state at line 8").contains("expected OK, got EINVAL");
        assertThat(r.err).contains("FAILED at line 8");
        assertThat(Cli.run("graph", Cli.resource("cli/broken-expectation.trace"), "--step", "3").exit).isZero();
    }

    @Test
    void theFramesAndEdgesAViolationNamesAreRed() throws Exception {
        Trace t = Trace.parse("t", String.join("\n", "config levels=2 entries=4 frames=16 domains=3 vcpus=1 ports=8 grants=4",
                "dom0: domctl createdomain max_pages=4 vcpus=1", "dom0: domctl unpausedomain dom=1", "dom0: memory_op populate_physmap dom=1 count=4",
                "d1: mmu_update ptr=2[0] val=3:P|RW|US", "d1: mmuext_op pin_l1_table mfn=2", ""));
        Replayer.Report r = Replayer.replay(t, List.of());
        String clean = DotRenderer.render(r.finalState(), List.of(), "x");
        assertThat(clean).doesNotContain("#d00000");
        String red = DotRenderer.render(r.finalState(), List.of(Violation.frames("INV-7", "planted", 2L, 3L)), "x");
        assertThat(red).containsPattern("f2 \\[[^\\]]*color=\"#d00000\"").containsPattern("f3 \\[[^\\]]*color=\"#d00000\"")
                .containsPattern("f2 -> f3 \\[label=\"\\[0\\] P\\|RW\\|US[^\"]*\".*color=\"#d00000\""); // Xen adds G to a user L1 entry (pv/mm.h:adjust_guest_l1e)
    }
}
