package pvspec.model.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Mode;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;

/** Every value the printer writes is read back, extremes included; numbers are ASCII digits with one sign. */
class TraceNumbersTest {
    private static final long[] LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1};
    private static final int[] INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0};

    /** Every argument of every request kind set to {@code v} (longs) and {@code i} (ints). */
    private static List<Hypercall> every(long v, int i) {
        return List.of(
                new MmuUpdate(List.of(new MmuUpdate.Request(v, v, v)), i),
                MmuextOp.of(new MmuextOp.Pin(i, v), new MmuextOp.Unpin(v), new MmuextOp.NewBaseptr(v), new MmuextOp.InvlpgLocal(v),
                        new MmuextOp.InvlpgAll(v), new MmuextOp.ClearPage(v), new MmuextOp.MarkSuper(v), new MmuextOp.UnmarkSuper(v),
                        new MmuextOp.Unknown(i, v)),
                new MmuextOp(List.of()),
                new UpdateVaMapping(v, v, v),
                new SetTrapTable(List.of(new TrapInfo(i, i, i, v))),
                new SetCallbacks(v, v),
                new EventChannelOp.AllocUnbound(i, i), new EventChannelOp.BindInterdomain(i, i), new EventChannelOp.BindVirq(i, i),
                new EventChannelOp.BindIpi(i), new EventChannelOp.Close(i), new EventChannelOp.Send(i), new EventChannelOp.Unmask(i),
                new EventChannelOp.Status(i, i), new EventChannelOp.Unknown(i),
                new EventChannelWrite.ClearEvtchn(i), new EventChannelWrite.MaskEvtchn(i),
                new GrantTableOp.MapGrantRef(i, i, i, v), new GrantTableOp.UnmapGrantRef(i, v, v), new GrantTableOp.UnmapAndReplace(i, v, v), new GrantTableOp.Unknown(i), new GrantTableOp.SwapGrantRef(i, i),
                new GrantTableWrite.Grant(i, i, v, true), new GrantTableWrite.EndAccess(i),
                new MemoryOp.PopulatePhysmap(i, v), new MemoryOp.DecreaseReservation(i, List.of(v, v)), new MemoryOp.Unknown(i),
                new Domctl.CreateDomain(v, i), new Domctl.DestroyDomain(i), new Domctl.MaxMem(i, v), new Domctl.Unknown(i),
                new SchedOp.Unknown(i),
                new Access(true, v),
                new SoftInt(i),
                new UnknownHypercall(i));
    }

    @Test
    void extremeValuesOfEveryArgumentRoundTrip() throws TraceSyntaxException {
        for (Config c : List.of(Config.small(), Config.realistic())) {
            List<TraceStep> steps = new ArrayList<>();
            for (long v : LONGS) {
                for (int i : INTS) {
                    for (Hypercall h : every(v, i)) steps.add(new TraceStep(new Caller(i, i, Mode.USER), h, Optional.empty(), 0));
                }
            }
            Trace t = new Trace(c, steps);
            Trace back = Trace.parse("extremes", t.print());
            for (int k = 0; k < steps.size(); k++) {
                String line = TracePrinter.step(c, steps.get(k).caller(), steps.get(k).call(), Optional.empty());
                assertThat(back.steps().get(k).call()).as(line).isEqualTo(steps.get(k).call());
                assertThat(back.steps().get(k).caller()).as(line).isEqualTo(steps.get(k).caller());
            }
        }
    }

    @Test
    void theLowestLongIsReadInDecimalAndHex() throws TraceSyntaxException {
        Trace t = Trace.parse("x", "config\nd1: memory_op populate_physmap dom=1 count=-9223372036854775808\n"
                + "d1: memory_op populate_physmap dom=1 count=0x8000000000000000\n");
        assertThat(t.steps()).extracting(s -> ((MemoryOp.PopulatePhysmap) s.call()).count()).containsExactly(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    private static void rejected(String text, int line, int column, String words) {
        assertThatThrownBy(() -> Trace.parse("bad.trace", text)).isInstanceOfSatisfying(TraceSyntaxException.class, e -> {
            assertThat(e.getMessage()).startsWith("bad.trace:" + line + ":" + column + ": ").contains(words);
        });
    }

    @Test
    void numbersAreAsciiWithOneSign() {
        String c = "config\n";
        rejected(c + "d1: memory_op populate_physmap dom=1 count=--2\n", 2, 44, "expected a number");
        rejected(c + "d1: memory_op populate_physmap dom=1 count=+2\n", 2, 44, "expected a number");
        rejected(c + "d1: memory_op populate_physmap dom=1 count=-0x-1\n", 2, 44, "expected a number");
        rejected(c + "d1: memory_op populate_physmap dom=1 count=\uff12\n", 2, 44, "(ASCII digits");
        rejected(c + "d1: memory_op populate_physmap dom=1 count=\u0663\n", 2, 44, "(ASCII digits");
        rejected(c + "d1: memory_op populate_physmap dom=1 count=0x\uff11\n", 2, 44, "expected a number");
        rejected(c + "d1: memory_op populate_physmap dom=1 count=9223372036854775808\n", 2, 44, "out of range (64 bits)");
        rejected(c + "d1: memory_op populate_physmap dom=1 count=0x10000000000000000\n", 2, 44, "out of range (64 bits)");
        rejected(c + "d\uff11: sched_op yield\n", 2, 1, "expected a caller");
        rejected(c + "d1: mmuext_op pin_l\uff11_table mfn=1\n", 2, 15, "unknown mmuext command");
        rejected(c + "d1: event_channel_op cmd=4294967297\n", 2, 26, "out of range (32 bits)");
        rejected(c + "d1: mmuext_op cmd=4294967297\n", 2, 19, "out of range (32 bits)");
        rejected(c + "d1: softint vector=\uff11\n", 2, 20, "expected a number");
        rejected(c + "d1: update_va_mapping va=1.1 val=0 flags=\uff11\n", 2, 42, "unknown flag");
        rejected("config levels=\uff12\n", 1, 15, "expected a number");
        rejected("config reserved=1..99999999999\n", 1, 20, "out of range (32 bits)");
    }

    @Test
    void aConfigurationKeyGivenTwiceIsAnError() {
        rejected("config levels=2 levels=3\n", 1, 17, "duplicate configuration key 'levels'");
        rejected("config frames=16 entries=4 frames=16\n", 1, 28, "duplicate configuration key 'frames'");
    }
}
