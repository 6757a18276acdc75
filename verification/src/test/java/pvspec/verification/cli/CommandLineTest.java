package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command: exit codes (0 holds, 1 violation, 2 bad input), golden output lines, malformed input. */
class CommandLineTest {
    @Test
    void noCommandOrAnUnknownOneIsBadInput() {
        assertThat(Cli.run().exit).isEqualTo(2);
        Cli c = Cli.run("frobnicate");
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err).contains("Unmatched argument at index 0: 'frobnicate'");
        assertThat(Cli.run().err).contains("missing command").contains("Usage: pvspec");
        assertThat(Cli.run("replay", "--colour", "x").exit).isEqualTo(2);
        assertThat(Cli.run("--help").exit).isZero();
    }

    @Test
    void specListsEveryInvariantAndEveryFamilysRefusals() {
        Cli c = Cli.run("spec");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("INV-1  ownership", "INV-13 lifecycle", "defined in pvspec.model.invariant.NoWritablePagetable",
                "mmuext_op   [pvspec.model.rules.MmuextOpRules]", "mm.c:do_mmuext_op:already-pinned", "mm.c:get_page_and_type_from_mfn:get-page-type",
                "GNTST_bad_handle", "xen/arch/x86/mm.c:get_page_from_l1e", "(closest: no check of its own in Xen)");
        // Every check of the registry is printed, with its citation.
        for (pvspec.model.abi.check.Check k : pvspec.model.abi.check.Check.values()) assertThat(c.out).contains(k.id(), k.citation());
        // And every code no check returns, with its reason.
        for (pvspec.model.abi.check.Unreturned u : pvspec.model.abi.check.Unreturned.values()) assertThat(c.out).contains(u.why()).containsPattern(u.status().name() + " +Xen returns it");
        assertThat(Cli.run("spec", "--invariants").out).contains("INV-7").doesNotContain("MmuextOpRules");
    }

    @Test
    void replayOfAScenarioHolds() {
        Cli c = Cli.run("replay", Cli.scenario("two-level-address-space"));
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("config levels=2 entries=4 frames=16")
                .containsPattern("\\s+12  d1: mmuext_op pin_l1_table mfn=2 +OK.*\\| ok")
                .contains("26 steps; results as expected");
        assertThat(Cli.run("replay", "--quiet", Cli.scenario("linear-page-tables")).out.trim().split("\n")).hasSize(1);
    }

    @Test
    void replayMarksABrokenExpectationAndExitsWithOne() {
        Cli c = Cli.run("replay", Cli.resource("cli/broken-expectation.trace"));
        assertThat(c.exit).isEqualTo(1);
        assertThat(c.out).contains("!!  8  d1: mmuext_op pin_l1_table mfn=3").contains("^ expected OK, got EINVAL done=0")
                .contains("FAILED at line 8").doesNotContain("sched_op yield");
    }

    @Test
    void aMalformedTraceIsReportedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.trace");
        Files.writeString(bad, "config levels=2\nd1: mmu_update ptr=5[2] val=6:P|XX\n");
        for (String cmd : new String[] {"replay", "graph"}) {
            Cli c = Cli.run(cmd, bad.toString());
            assertThat(c.exit).isEqualTo(2);
            assertThat(c.err).isEqualTo("pvspec: " + bad + ":2:33: unknown PTE flag 'XX' (P, RW, US, A, D, PSE, G, AVAIL, NX, GNTTAB or 0x bits)\n");
        }
        Cli missing = Cli.run("replay", dir.resolve("nope.trace").toString());
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.err).contains("nope.trace: no such file");
    }

    @Test
    void graphDrawsTheFinalStateOrTheFirstViolation(@TempDir Path dir) throws Exception {
        Cli c = Cli.run("graph", Cli.scenario("domu-pair-event-channel-and-grant"));
        assertThat(c.exit).isZero();
        assertThat(c.out).startsWith("digraph pvspec {").contains("subgraph cluster_d1").contains("label=\"dom0 (control)").endsWith("}\n");
        Path dot = dir.resolve("x.dot");
        assertThat(Cli.run("graph", Cli.resource("cli/broken-expectation.trace"), "--out", dot.toString()).exit).isEqualTo(1);
        assertThat(Files.readString(dot)).contains("state at line 8").contains("expected OK, got EINVAL");
        Path svg = dir.resolve("x.svg");
        Cli s = Cli.run("graph", Cli.scenario("linear-page-tables"), "--out", svg.toString());
        if (s.exit == 0) {
            assertThat(Files.readString(svg)).contains("<svg");
        } else {
            assertThat(s.exit).isEqualTo(2);
            assertThat(s.err).contains("apt-get install graphviz");
            assertThat(svg).doesNotExist();
        }
    }

    @Test
    void attackRefusesTheWholeCatalogue() {
        Cli c = Cli.run("attack");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("stale-tlb-across-retype", "XSA-401", "67 of 67 attacks refused as expected by model");
        assertThat(Cli.run("attack", "--trace", "pse-superpage").out).contains("config levels=2").contains("PSE");
        assertThat(Cli.run("attack", "--trace", "no-such-attack").exit).isEqualTo(2);
    }

    @Test
    void fuzzRunsForItsBudgetAndSummarises() {
        Cli c = Cli.run("fuzz", "--seconds", "1", "--seed", "7", "--steps", "100");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("mmu_update").containsPattern("fuzz: \\d+ seeds \\(7\\.\\.\\d+\\), \\d+ generated steps")
                .contains("no divergence and no invariant violation found");
        assertThat(Cli.run("fuzz", "--seconds", "0").exit).isEqualTo(2);
        assertThat(Cli.run("fuzz", "--seconds", "x").exit).isEqualTo(2);
    }

    @Test
    void mutantsDetectsEveryVariant() {
        // no-flush-on-retype needs the owner's own stale writable translation since the flush is
        // the owner's (mm.c:3025-3058): the attacks and the checker find it; the trace shown is one fuzzing finds.
        Cli c = Cli.run("mutants", "--steps-per-mutant", "25000", "--check-seconds", "2", "--show", "no-flush-after-upper-update");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("no-flush-on-retype", "XSA-401", "48 of 48 variants detected")
                .contains("peer-unlocked", "waits-out-of-order", "tlb-holder-plain").contains("jpf deadlock (mvn -Pjpf) and by Lincheck on every build")
                .contains("fuzz, check, attacks").contains("property 'no-flush-after-upper-update conforms to the model' broken with seed")
                .containsPattern("mmu_update ptr=\\d+\\[\\d+\\] val=");
        assertThat(Cli.run("mutants", "--show", "nothing").exit).isEqualTo(2);
        assertThat(Cli.run("mutants", "--steps-per-mutant", "0").exit).isEqualTo(2);
    }

    @Test
    void benchComparesHypervisorAndModel() {
        Cli c = Cli.run("bench", "--quick");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("mmu_update L1, slow path (1 per call)").containsPattern("boot 64 MiB guest.*x\n")
                .contains("40 bytes per frame");
    }

    @Test
    void checkExploresTheDefaultConfigurationAndSaysWhetherItIsComplete() {
        Cli c = Cli.run("check", "--depth", "1");
        assertThat(c.exit).isZero();
        assertThat(c.out).contains("pvspec check small: COMPLETE to depth 1").contains("INV-1..INV-13 on 20 states")
                .contains("request kinds  85 of 85 ran");
        Cli cut = Cli.run("check", "--states", "200", "--threads", "1");
        assertThat(cut.exit).isEqualTo(Pvspec.INCONCLUSIVE);
        assertThat(cut.out).contains("CUT by the state bound: NOT complete").doesNotContain(": COMPLETE");
        Cli conf = Cli.run("check", "--depth", "1", "--conformance");
        assertThat(conf.out).contains("every executed transition matched the model");
        assertThat(Cli.run("check", "--config", "no-such.check").exit).isEqualTo(2);
        assertThat(Cli.run("check", "--depth", "0").exit).isEqualTo(2);
        assertThat(Cli.run("check", "--threads", "-1").exit).isEqualTo(2);
    }

    @Test
    void aMalformedCheckingFileIsBadInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.check");
        Files.writeString(f, "config levels=2\n#! depth two\n");
        Cli c = Cli.run("check", "--config", f.toString());
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err).startsWith("pvspec: " + f + ":2:");
    }
}
