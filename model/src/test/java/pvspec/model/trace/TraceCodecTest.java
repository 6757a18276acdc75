package pvspec.model.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.testing.Scenarios;

/** The trace format: printing and parsing are exact inverses, and bad input is located. */
class TraceCodecTest {
    @Test
    void everyRequestKindRoundTripsOnTheSmallAndTheRealisticConfiguration() throws TraceSyntaxException {
        for (Config c : List.of(Config.small(), Config.realistic())) {
            List<TraceStep> steps = new ArrayList<>();
            for (Hypercall h : Samples.ALL) for (Caller caller : Samples.CALLERS) steps.add(new TraceStep(caller, h, Optional.empty(), 0));
            Trace t = new Trace(c, steps);
            Trace back = Trace.parse("roundtrip", t.print());
            assertThat(back.config()).isEqualTo(c);
            assertThat(back.steps()).hasSameSizeAs(steps);
            for (int i = 0; i < steps.size(); i++) {
                assertThat(back.steps().get(i).call()).as("line %d: %s", i + 3, TracePrinter.call(c, steps.get(i).call())).isEqualTo(steps.get(i).call());
                assertThat(back.steps().get(i).caller()).isEqualTo(steps.get(i).caller());
            }
            assertThat(back.print()).isEqualTo(t.print());
        }
    }

    @Test
    void everyScenarioPrintsBackToAnEquivalentTrace() throws TraceSyntaxException {
        for (String name : Scenarios.ALL) {
            Trace t = Scenarios.trace(name);
            Trace back = Trace.parse(name, t.print());
            assertThat(back.print()).isEqualTo(t.print());
            for (int i = 0; i < t.steps().size(); i++) {
                assertThat(back.steps().get(i).call()).isEqualTo(t.steps().get(i).call());
                assertThat(back.steps().get(i).expect()).isEqualTo(t.steps().get(i).expect());
            }
        }
    }

    @Test
    void aConfigurationWithNonDefaultHypervisorSlotsRoundTrips() throws TraceSyntaxException {
        Config c = new Config(3, 8, 40, 2, 6, 2, 4, 2, 16, 8);
        assertThat(Trace.parse("c", new Trace(c, List.of()).print()).config()).isEqualTo(c);
    }

    @Test
    void resultsPrintAsTheTraceWritesThem() {
        assertThat(Expectation.of(Result.OK).text()).isEqualTo("OK");
        assertThat(Expectation.of(new Result.Partial(Errno.EINVAL, 2)).text()).isEqualTo("EINVAL done=2");
        assertThat(Expectation.of(new Result.Extents(List.of(3L, 4L))).text()).isEqualTo("2");
        assertThat(Expectation.of(Result.gnt(Gntst.GNTST_bad_handle)).text()).isEqualTo("GNTST_bad_handle");
        assertThat(Expectation.of(Result.FAULT).text()).isEqualTo("fault");
    }

    @Test
    void expectationsMatchAsDocumented() {
        assertThat(Expectation.ANY.matches(Result.FAULT)).isTrue();
        assertThat(new Expectation("EINVAL").matches(new Result.Partial(Errno.EINVAL, 3))).isTrue();
        assertThat(new Expectation("EINVAL done=3").matches(new Result.Partial(Errno.EINVAL, 2))).isFalse();
        assertThat(new Expectation("EBUSY").matches(Result.err(Errno.EINVAL))).isFalse();
        assertThat(new Expectation("4").matches(new Result.Extents(List.of(1L, 2L, 3L, 4L)))).isTrue();
        assertThat(new Expectation("OK").matches(Result.value(0))).isFalse();
    }

    @Test
    void callersAreWrittenAsDesigned() throws TraceSyntaxException {
        Trace t = Trace.parse("c", "config levels=2\ndom0: sched_op yield\nd0: sched_op yield\nd3.v1/user: sched_op yield\nd2/kernel: sched_op yield\n");
        assertThat(t.steps()).extracting(TraceStep::caller)
                .containsExactly(Caller.kernel(0), Caller.kernel(0), Caller.user(3, 1), Caller.kernel(2));
        assertThat(t.steps().get(2).line()).isEqualTo(4);
    }

    @Test
    void commentsAndBlankLinesAreIgnored() throws TraceSyntaxException {
        Trace t = Trace.parse("c", "# header\n\nconfig levels=2   # trailing\n  # indented\nd1: sched_op yield -> OK # why\n");
        assertThat(t.steps()).hasSize(1);
        assertThat(t.steps().get(0).expect()).contains(new Expectation("OK"));
    }

    private static TraceSyntaxException error(String text) {
        try {
            Trace.parse("bad.trace", text);
        } catch (TraceSyntaxException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    private static void located(String text, int line, int column, String words) {
        TraceSyntaxException e = error(text);
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.getMessage()).startsWith("bad.trace:" + line + ":" + column + ": ").contains(words);
    }

    @Test
    void malformedInputIsReportedWithLineAndColumn() {
        String c = "config levels=2 entries=4\n";
        located("", 1, 1, "empty trace");
        located("d1: sched_op yield\n", 1, 1, "first line must be 'config");
        located("config levels=9\n", 1, 1, "bad configuration");
        located("config levels=2 colour=red\n", 1, 17, "unknown configuration key 'colour'");
        located("config levels=2 frames=4 frames=8\n", 1, 26, "duplicate configuration key 'frames'");
        located("config levels=2 frames=\u0668\n", 1, 24, "expected a number, found '\u0668'");
        located(c + "d1: mmuext_op pin_l1_table mfn=\u0663\n", 2, 32, "expected a number, found '\u0663'");
        located(c + "x1: sched_op yield\n", 2, 1, "expected a caller");
        located(c + "d1: teleport\n", 2, 5, "unknown hypercall 'teleport'");
        located(c + "d1: sched_op\n", 2, 13, "expected a sub-operation");
        located(c + "d1: sched_op nap\n", 2, 14, "unknown sched_op sub-operation 'nap'");
        located(c + "d1: mmu_update ptr=5[2] val=6:P|XX\n", 2, 33, "unknown PTE flag 'XX'");
        located(c + "d1: mmu_update ptr=5[2]\n", 2, 24, "expected val=PTE");
        located(c + "d1: mmu_update ptr=5 val=0\n", 2, 16, "expected ptr=MFN[INDEX]");
        located(c + "d1: mmuext_op pin_l1_table mfn=x5\n", 2, 32, "expected a number, found 'x5'");
        located(c + "d1: mmuext_op pin_l1_table\n", 2, 27, "missing argument 'mfn='");
        located(c + "d1: mmuext_op pin_l1_table mfn=5 colour=1\n", 2, 34, "unknown argument 'colour'");
        located(c + "d1: mmuext_op ;\n", 2, 15, "expected an mmuext command");
        located(c + "d1: access write va=1.2.3\n", 2, 21, "a dotted address has 2 indices");
        located(c + "d1: access write va=1.7\n", 2, 23, "index 7 is not 0 to 3");
        located(c + "d1: access fly va=1.2\n", 2, 12, "expected 'read' or 'write'");
        located(c + "d1: grant ref=0 domid=1 frame=2 readonly=maybe\n", 2, 42, "expected true or false");
        located(c + "d1: update_va_mapping va=1.1 val=0 flags=invlpg|sometimes\n", 2, 49, "unknown flag 'sometimes'");
        located(c + "d1: sched_op yield -> MAYBE\n", 2, 23, "expected a result");
        located(c + "d1: sched_op yield -> OK extra\n", 2, 26, "unexpected 'extra'");
        located(c + "d1: sched_op yield ->\n", 2, 22, "expected a result after '->'");
        located(c + "d1: set_trap_table trap=1,2,3\n", 2, 25, "expected trap=VECTOR,DPL,CS,ADDRESS");
        located(c + "d1: mmu_update ptr=5[0] val=99999999999999:P\n", 2, 29, "does not fit");
        located(c + "d1: mmuext_op pin_l1_table mfn=5 mfn=6\n", 2, 34, "given twice");
        located(c + "d1: sched_op yield\nd99999999999: sched_op yield\n", 3, 1, "out of range");
    }

    @Test
    void aSyntaxErrorIsACheckedExceptionNotACrash() {
        assertThatThrownBy(() -> Trace.parse("x", "config\nd1: mmu_update ptr=[] val=\n")).isInstanceOf(TraceSyntaxException.class);
    }
}
