package pvspec.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
import pvspec.model.abi.Mode;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;

/** Totality at the edges: every argument at its extremes gets the model's answer, and nothing throws. */
class ExtremeArgumentsTest {
    static final long[] LONGS = {Long.MIN_VALUE, -1, 0, 1, 15, 16, 1L << 40, Long.MAX_VALUE};
    static final int[] INTS = {Integer.MIN_VALUE, -1, 0, 1, 3, 0x7FF0, 0x7FF2, 0xFFFF, 0x10000, Integer.MAX_VALUE};

    @Test
    void extremeArgumentsGetTheModelsAnswer() {
        Config c = Config.small();
        Lockstep ls = new Lockstep(c);
        Prelude.build(c, ls::step);
        List<Hypercall> calls = new ArrayList<>();
        for (long x : LONGS) {
            calls.add(MmuUpdate.one(x, 0, 0));
            calls.add(MmuUpdate.one(1, x, 0));
            calls.add(MmuUpdate.one(1, 0, x));
            calls.add(new UpdateVaMapping(x, 0, 0));
            calls.add(new UpdateVaMapping(0, x, 0));
            calls.add(new UpdateVaMapping(0, 0, x));
            calls.add(Access.read(x));
            calls.add(Access.write(x));
            calls.add(MmuextOp.of(new MmuextOp.Pin(1, x)));
            calls.add(MmuextOp.of(new MmuextOp.Unpin(x)));
            calls.add(MmuextOp.of(new MmuextOp.NewBaseptr(x)));
            calls.add(MmuextOp.of(new MmuextOp.ClearPage(x)));
            calls.add(MmuextOp.of(new MmuextOp.InvlpgAll(x)));
            calls.add(new MemoryOp.PopulatePhysmap(1, x));
            calls.add(new MemoryOp.DecreaseReservation(1, List.of(x)));
            calls.add(new SetCallbacks(x, 0));
            calls.add(new SetTrapTable(List.of(new TrapInfo(14, 0, 0xe033, x))));
            calls.add(new GrantTableWrite.Grant(0, 2, x, false));
            calls.add(new Domctl.MaxMem(2, x));
            calls.add(new Domctl.CreateDomain(x, 1));
        }
        for (int x : INTS) {
            calls.add(new MmuUpdate(List.of(new MmuUpdate.Request(1, 0, 0)), x));
            calls.add(MmuextOp.of(new MmuextOp.Pin(x, 1)));
            calls.add(new EventChannelOp.AllocUnbound(x, 2));
            calls.add(new EventChannelOp.AllocUnbound(0x7FF0, x));
            calls.add(new EventChannelOp.BindInterdomain(x, 1));
            calls.add(new EventChannelOp.BindInterdomain(2, x));
            calls.add(new EventChannelOp.BindVirq(x, 0));
            calls.add(new EventChannelOp.BindVirq(0, x));
            calls.add(new EventChannelOp.BindIpi(x));
            calls.add(new EventChannelOp.Send(x));
            calls.add(new EventChannelOp.Close(x));
            calls.add(new EventChannelOp.Unmask(x));
            calls.add(new EventChannelOp.Status(x, 1));
            calls.add(new EventChannelOp.Status(0x7FF0, x));
            calls.add(new EventChannelOp.BindVcpu(x, 0));
            calls.add(new EventChannelOp.BindVcpu(1, x));
            calls.add(new EventChannelOp.Reset(x, false));
            calls.add(new EventChannelOp.Reset(x, true));
            calls.add(new EventChannelWrite.ClearEvtchn(x));
            calls.add(new EventChannelWrite.MaskEvtchn(x));
            calls.add(new GrantTableOp.MapGrantRef(x, 0, 2, 3));
            calls.add(new GrantTableOp.MapGrantRef(1, x, 2, 3));
            calls.add(new GrantTableOp.MapGrantRef(1, 0, x, 3));
            calls.add(new GrantTableOp.UnmapGrantRef(x, 3, 0));
            calls.add(new GrantTableOp.UnmapGrantRef(0, x, x));
            calls.add(new GrantTableOp.UnmapAndReplace(0, x, x));
            calls.add(new GrantTableOp.MapGrantRef(1, 0, GrantTableOp.GNTMAP_host_map | GrantTableOp.GNTMAP_contains_pte, x));
            calls.add(new GrantTableWrite.Grant(x, 2, 4, false));
            calls.add(new GrantTableWrite.Grant(0, x, 4, false));
            calls.add(new GrantTableWrite.EndAccess(x));
            calls.add(new SoftInt(x));
            calls.add(new SetTrapTable(List.of(new TrapInfo(x, 0, 0xe033, 1))));
            calls.add(new SetTrapTable(List.of(new TrapInfo(14, x, 0xe033, 1))));
            calls.add(new SetTrapTable(List.of(new TrapInfo(14, 0, x, 1))));
            calls.add(new MemoryOp.PopulatePhysmap(x, 1));
            calls.add(new MemoryOp.MaximumReservation(x));
            calls.add(new MemoryOp.CurrentReservation(x));
            calls.add(new Domctl.PauseDomain(x));
            calls.add(new Domctl.UnpauseDomain(x));
            calls.add(new Domctl.CreateDomain(1, x));
            calls.add(new UnknownHypercall(x));
        }
        int n = 0;
        for (Hypercall h : calls) {
            for (Caller who : List.of(Caller.kernel(1), Caller.kernel(2), Caller.kernel(0), new Caller(1, 0, Mode.USER))) {
                ls.step(who, h);
                n++;
            }
        }
        for (int x : INTS) {
            ls.step(new Caller(x, 0, Mode.KERNEL), new SoftInt(3));
            ls.step(new Caller(1, x, Mode.KERNEL), MmuUpdate.one(1, 0, 0));
        }
        assertThat(n).isEqualTo(calls.size() * 4);
        assertThat(Consistency.check(ls.hv)).isEmpty();
    }
}
